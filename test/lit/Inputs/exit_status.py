# exit_status.py <status> <command>...: runs the command, and succeeds only
# if it exits with exactly <status> (lit's `not` accepts any failure).
import subprocess
import sys

sys.exit(0 if subprocess.call(sys.argv[2:]) == int(sys.argv[1]) else 1)
