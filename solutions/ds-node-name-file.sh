cat > stamp.yaml <<'EOF_YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-stamp
spec:
  selector:
    matchLabels:
      app: node-stamp
  template:
    metadata:
      labels:
        app: node-stamp
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      volumes:
      - name: stamp
        hostPath:
          path: /var/lib/node-stamp
          type: DirectoryOrCreate
      containers:
      - name: stamp
        image: busybox:1.36
        env:
        - name: NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        command: ["sh", "-c", "echo $NODE_NAME > /stamp/name; sleep 3600"]
        volumeMounts:
        - name: stamp
          mountPath: /stamp
EOF_YAML
kubectl apply -f stamp.yaml
kubectl rollout status ds node-stamp
cat /var/lib/node-stamp/name
