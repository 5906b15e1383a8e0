ssh node01
mkdir -p /config && echo hi > /config/conf
exit
ssh node01 cat /config/conf
