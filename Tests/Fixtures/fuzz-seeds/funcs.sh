x=${HOME:-/} ; case $x in /*) echo abs;; *) echo rel;; esac; f() { echo $(( $1 * 2 )); }; f 21
