package kvfake

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"sync"
	"time"
)

// The test CA and the vault's leaf certificate are made once per process:
// crypto/x509 reads SSL_CERT_FILE once per process, so every Server of a
// process must be signed by the same CA for that route to work in-process.
var (
	pkiOnce sync.Once
	pki     struct {
		caPEM []byte
		pool  *x509.CertPool
		leaf  tls.Certificate
		err   error
	}
)

// leafNames are the DNS names the vault certificate covers.
var leafNames = []string{
	"localhost",
	"*.vault.azure.net",
	"*.vault.azure.cn",
	"*.vault.usgovcloudapi.net",
	"*.vault.microsoftazure.de",
}

func loadPKI() error {
	pkiOnce.Do(func() { pki.err = makePKI() })
	return pki.err
}

// makePKI makes the test CA, self-signed, and the vault's leaf certificate
// it signs.
func makePKI() error {
	now := time.Now()
	ca, caDER, caKey, err := issue("CA", &x509.Certificate{
		Subject:               pkix.Name{CommonName: "kvfake test CA (generated at run time)"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(48 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}, nil, nil)
	if err != nil {
		return err
	}
	_, leafDER, leafKey, err := issue("leaf", &x509.Certificate{
		Subject:     pkix.Name{CommonName: "kvfake vault"},
		NotBefore:   now.Add(-time.Hour),
		NotAfter:    now.Add(47 * time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:    leafNames,
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}, ca, caKey)
	if err != nil {
		return err
	}
	pki.caPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	pki.pool = x509.NewCertPool()
	pki.pool.AddCert(ca)
	pki.leaf = tls.Certificate{Certificate: [][]byte{leafDER, caDER}, PrivateKey: leafKey}
	return nil
}

// issue makes a new P-256 key and the certificate tmpl (given a random
// serial number) for it, signed by parent's key parentKey, or self-signed
// when parent is nil; what names the certificate in errors.
func issue(what string, tmpl, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*x509.Certificate, []byte, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	tmpl.SerialNumber = serial()
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("kvfake: %s: %w", what, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, nil, err
	}
	return cert, der, key, nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	return n
}
