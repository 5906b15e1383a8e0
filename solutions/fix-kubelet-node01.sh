kubectl get nodes
ssh node01
systemctl status kubelet
systemctl start kubelet
journalctl -u kubelet | tail -5
grep -n '^kind' /var/lib/kubelet/config.yaml
sed -i 's/^kind: KubeletConfig$/kind: KubeletConfiguration/' /var/lib/kubelet/config.yaml
systemctl restart kubelet
exit
sleep 30
kubectl get nodes
