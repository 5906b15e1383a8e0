kubectl get pod log-shipper-node01 -o wide
ssh node01
grep staticPodPath /var/lib/kubelet/config.yaml
ls /etc/kubernetes/manifests
rm /etc/kubernetes/manifests/log-shipper.yaml
exit
kubectl get pods -o wide
