kubectl get pv
cat > store.yaml <<'EOF_YAML'
apiVersion: v1
kind: Service
metadata:
  name: store
spec:
  clusterIP: None
  selector:
    app: store
  ports:
  - port: 6379
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: store
spec:
  serviceName: store
  replicas: 2
  selector:
    matchLabels:
      app: store
  template:
    metadata:
      labels:
        app: store
    spec:
      containers:
      - name: redis
        image: redis:7.2
        ports:
        - containerPort: 6379
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      storageClassName: local-manual
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
EOF_YAML
kubectl apply -f store.yaml
kubectl rollout status statefulset store
kubectl get pvc,pv
