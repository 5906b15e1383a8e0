kubectl get deployment api
kubectl -n kube-system get pods
kubectl -n kube-system describe pod kube-controller-manager-controlplane | grep -A3 State
grep -n -A2 'command:' /etc/kubernetes/manifests/kube-controller-manager.yaml
sed -i 's/- kube-controller-manger$/- kube-controller-manager/' /etc/kubernetes/manifests/kube-controller-manager.yaml
sleep 60
kubectl get deployment api
