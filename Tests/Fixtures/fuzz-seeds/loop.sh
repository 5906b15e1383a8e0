for i in 1 2 3; do if [ $i -eq 2 ]; then echo two; else echo $i; fi; done
