grep staticPodPath /var/lib/kubelet/config.yaml
cat > /etc/kubernetes/manifests/mini-httpd.yaml <<'EOF_YAML'
apiVersion: v1
kind: Pod
metadata:
  name: mini-httpd
  labels:
    app: mini-httpd
spec:
  containers:
  - name: httpd
    image: busybox:1.36
    command: ["httpd", "-f", "-p", "8080"]
    ports:
    - name: http
      containerPort: 8080
EOF_YAML
kubectl get pods -o wide
