cat <<EOF > /tmp/x
hello $HOME
EOF
cat /tmp/x
