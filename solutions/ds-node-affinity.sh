kubectl get nodes -L accelerator
kubectl create namespace monitoring
cat > gpu.yaml <<'EOF_YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: gpu-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: gpu-exporter
  template:
    metadata:
      labels:
        app: gpu-exporter
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: accelerator
                operator: In
                values: [nvidia, amd]
      containers:
      - name: exporter
        image: busybox:1.36
        command: ["sleep", "3600"]
EOF_YAML
kubectl apply -f gpu.yaml
kubectl -n monitoring get pods -o wide
