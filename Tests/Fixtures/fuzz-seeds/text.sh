sed -n '2,3p' /etc/passwd | cut -d: -f1 | sort -r | tr a-z A-Z
