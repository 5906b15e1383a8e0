kubectl describe pod fast-app | tail -3
kubectl get pod fast-app -o jsonpath='{.spec.nodeSelector}'
kubectl label node node01 disktype=ssd
sleep 10
kubectl get pod fast-app -o wide
