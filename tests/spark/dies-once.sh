#!/bin/sh
# A quotecheck that dies once, for tests/spark.rs: the first time a Spark task runs it on its
# articles (`batch --enveloped`), it lets some rows out and then kills the Python worker that
# started it, as an executor dying mid-task does; every other run is the real binary
# ($QUOTECHECK_REAL). $DIES_ONCE_MARK is the folder whose creation says it has died.
case " $* " in
  *" --enveloped "*)
    if mkdir "$DIES_ONCE_MARK" 2>/dev/null; then
      "$QUOTECHECK_REAL" "$@" | head -c 3000
      kill -9 "$PPID"
      exit 137
    fi
    ;;
esac
exec "$QUOTECHECK_REAL" "$@"
