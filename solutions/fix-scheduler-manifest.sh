kubectl get pods
kubectl -n kube-system get pods
kubectl -n kube-system logs kube-scheduler-controlplane
grep -n -- '--' /etc/kubernetes/manifests/kube-scheduler.yaml
sed -i 's/--kube-config=/--kubeconfig=/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 60
kubectl get pods -o wide
