kubectl get pods -o wide
kubectl drain node01
kubectl drain node01 --ignore-daemonsets --force
kubectl get nodes
sleep 20
kubectl get pods -o wide
