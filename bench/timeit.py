# timeit.py OUT CMD runs CMD with bash under /usr/bin/time and writes "wall
# user sys maxrss-KB status" to OUT: wall and CPU time from wait4 with a
# finer clock than /usr/bin/time's 10 ms (which matters for the parse floor
# of a small repository), peak RSS from /usr/bin/time (a small process, so
# its own memory does not count, unlike a forked Python's). CMD's output goes
# to this script's. bench/compare.sh and bench/history.sh time every run with it.
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2]
t = time.perf_counter()
p = subprocess.Popen(["/usr/bin/time", "-o", out + ".rss", "-f", "%M %x", "bash", "-c", cmd], stdout=sys.stdout, stderr=sys.stderr)
_, status, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - t
rss, code = open(out + ".rss").read().split()[-2:]
with open(out, "w") as f:
    f.write(f"{wall:.4f} {ru.ru_utime:.4f} {ru.ru_stime:.4f} {rss} {code}\n")
