echo "a b" | grep -c a
