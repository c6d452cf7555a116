package detect

import "math/bits"

// Marvin32 is the seeded hash Microsoft's identifiable keys carry as their
// checksum (the algorithm of SymCrypt's marvin32.c and .NET's string
// hashing). The key formats that use it are in azure_keys.go.

// marvin64 returns the 64-bit Marvin hash of data under seed: the high word
// is the second state register, the low word the first.
func marvin64(data []byte, seed uint64) uint64 {
	p0, p1 := uint32(seed), uint32(seed>>32)
	for len(data) >= 4 {
		p0 += uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16 | uint32(data[3])<<24
		p0, p1 = marvinBlock(p0, p1)
		data = data[4:]
	}
	// The 0-3 bytes left, little-endian, followed by a 0x80 byte.
	final := uint32(0x80)
	switch len(data) {
	case 1:
		final = 0x8000 | uint32(data[0])
	case 2:
		final = 0x800000 | uint32(data[0]) | uint32(data[1])<<8
	case 3:
		final = 0x80000000 | uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16
	}
	p0 += final
	p0, p1 = marvinBlock(p0, p1)
	p0, p1 = marvinBlock(p0, p1)
	return uint64(p1)<<32 | uint64(p0)
}

// marvin32 folds the 64-bit Marvin hash into 32 bits (high xor low), the
// value identifiable keys store little-endian.
func marvin32(data []byte, seed uint64) uint32 {
	h := marvin64(data, seed)
	return uint32(h>>32) ^ uint32(h)
}

func marvinBlock(p0, p1 uint32) (uint32, uint32) {
	p1 ^= p0
	p0 = bits.RotateLeft32(p0, 20)
	p0 += p1
	p1 = bits.RotateLeft32(p1, 9)
	p1 ^= p0
	p0 = bits.RotateLeft32(p0, 27)
	p0 += p1
	p1 = bits.RotateLeft32(p1, 19)
	return p0, p1
}

// hisSeed turns an eight-character versioned name ("Default0") into the
// checksum seed Microsoft derives from it: its ASCII bytes read big-endian.
func hisSeed(name string) uint64 {
	var s uint64
	for i := 0; i < 8 && i < len(name); i++ {
		s = s<<8 | uint64(name[i])
	}
	return s
}
