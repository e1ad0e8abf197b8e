#!/bin/sh
# Stands in for Prisma's native engines, which cannot be downloaded on our machines.
# The CLI runs its schema engine as WebAssembly (prisma.config.ts: engine "js") and the
# client compiles queries in WebAssembly (engineType "client"), so this is never executed.
echo "crashcourse: Prisma native engines are not used" >&2
exit 1
