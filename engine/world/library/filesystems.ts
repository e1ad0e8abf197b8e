/**
 * Executables and files of common base images, shared by the library's images.
 */

/** GNU coreutils and friends on a Debian 12 base (`debian:bookworm-slim`). */
export const DEBIAN_BINARIES: readonly string[] = [
  "sh", "bash", "dash", "ls", "cat", "env", "printenv", "echo", "sleep", "true", "false", "test", "[",
  "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "chown", "stat", "readlink", "pwd",
  "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "grep", "sed", "awk", "mawk", "find", "xargs",
  "date", "df", "du", "mount", "hostname", "id", "whoami", "uname", "kill", "basename", "dirname",
  "gzip", "tar", "sync", "nproc", "md5sum", "sha256sum", "base64", "seq", "yes", "timeout", "nice",
];

/** BusyBox 1.36 applets (the `busybox` image): a shell, coreutils and network tools. */
export const BUSYBOX_BINARIES: readonly string[] = [
  "busybox", "sh", "ash", "ls", "cat", "env", "printenv", "echo", "sleep", "true", "false", "test", "[",
  "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "chown", "stat", "readlink", "pwd",
  "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "grep", "sed", "awk", "find", "xargs",
  "date", "df", "du", "mount", "hostname", "id", "whoami", "uname", "kill", "basename", "dirname",
  "gzip", "tar", "sync", "nproc", "md5sum", "sha256sum", "base64", "seq", "yes", "timeout",
  "ps", "top", "free", "uptime", "watch", "vi", "less", "more", "which", "nc", "wget", "nslookup",
  "ping", "traceroute", "ip", "ifconfig", "route", "netstat", "telnet", "arp", "hexdump", "od", "dd",
  "httpd", "udhcpc", "pidof", "pgrep", "pkill", "killall", "time", "usleep",
];

/** Alpine 3.20's BusyBox (`/bin/sh` and applets; no wget TLS quirks modelled). */
export const ALPINE_BINARIES: readonly string[] = [
  "sh", "ash", "ls", "cat", "env", "printenv", "echo", "sleep", "true", "false", "test", "[",
  "mkdir", "rm", "cp", "mv", "ln", "touch", "chmod", "pwd", "head", "tail", "wc", "sort", "cut", "tr",
  "grep", "sed", "awk", "find", "xargs", "date", "df", "hostname", "id", "whoami", "uname", "kill",
  "ps", "top", "free", "nc", "wget", "nslookup", "ping", "ip", "netstat", "which", "vi", "apk",
];

/** `/etc/os-release` of Debian 12. */
export const DEBIAN_OS_RELEASE = [
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
  'NAME="Debian GNU/Linux"',
  'VERSION_ID="12"',
  'VERSION="12 (bookworm)"',
  "VERSION_CODENAME=bookworm",
  "ID=debian",
  'HOME_URL="https://www.debian.org/"',
  'SUPPORT_URL="https://www.debian.org/support"',
  'BUG_REPORT_URL="https://bugs.debian.org/"',
  "",
].join("\n");

/** `/etc/os-release` of Alpine 3.20. */
export const ALPINE_OS_RELEASE = [
  "NAME=\"Alpine Linux\"",
  "ID=alpine",
  "VERSION_ID=3.20.1",
  'PRETTY_NAME="Alpine Linux v3.20"',
  'HOME_URL="https://alpinelinux.org/"',
  'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
  "",
].join("\n");

/** The PATH Debian- and Alpine-based images set. */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
