kubectl taint nodes node01 dedicated=db:NoSchedule
kubectl run db --image=redis:7.2 --dry-run=client -o yaml > db.yaml
cat > db.yaml <<'EOF_YAML'
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  nodeSelector:
    kubernetes.io/hostname: node01
  tolerations:
  - key: dedicated
    operator: Equal
    value: db
    effect: NoSchedule
  containers:
  - name: db
    image: redis:7.2
EOF_YAML
kubectl apply -f db.yaml
kubectl get pod db -o wide
