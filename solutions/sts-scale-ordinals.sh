kubectl get statefulset db
kubectl scale statefulset db --replicas=4
kubectl rollout status statefulset db
kubectl get pods -l app=db
echo db-3 > /root/first-to-go
