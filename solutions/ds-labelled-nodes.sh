kubectl get nodes -L disk
kubectl label node node01 disk=ssd
kubectl create deployment ssd-monitor --image=busybox:1.36 --dry-run=client -o yaml -- sleep 3600 > ds.yaml
cat > ds.yaml <<'EOF_YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
  labels:
    app: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: busybox
        image: busybox:1.36
        command: ["sleep", "3600"]
EOF_YAML
kubectl apply -f ds.yaml
kubectl rollout status ds ssd-monitor
kubectl get pods -o wide
