cat > config.yaml <<'EOF_YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: config
  labels:
    app: config
spec:
  selector:
    matchLabels:
      app: config
  template:
    metadata:
      labels:
        app: config
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      volumes:
      - name: config
        hostPath:
          path: /config
      containers:
      - name: busybox
        image: busybox
        command: ["sh", "-c", "echo 'Hello, Kubernetes!' > /config/conf; sleep 3600"]
        volumeMounts:
        - name: config
          mountPath: /config
EOF_YAML
kubectl apply -f config.yaml
kubectl rollout status daemonset config
