ssh node01
grep staticPodPath /var/lib/kubelet/config.yaml
cat > /etc/kubelet.d/web.yaml <<'EOF_YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
EOF_YAML
exit
kubectl get pods -o wide
