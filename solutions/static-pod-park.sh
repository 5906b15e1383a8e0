ssh node01
grep staticPodPath /var/lib/kubelet/config.yaml
ls /etc/kubernetes/manifests /root/parked
mv /etc/kubernetes/manifests/batch-runner.yaml /root/parked/
mv /root/parked/metrics-agent.yaml /etc/kubernetes/manifests/
exit
kubectl get pods -o wide
