ssh node01
ps aux | grep kubelet | grep -- --config
grep staticPodPath /var/lib/kubelet/config.yaml
kubectl run probe --image=busybox:1.36 --dry-run=client -o yaml --command -- sleep 3600 > /opt/kubelet/pods/probe.yaml
exit
echo /opt/kubelet/pods > /root/static-pod-path
kubectl get pods -o wide
