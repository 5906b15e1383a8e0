kubectl -n logging get deploy,pods -o wide
sed -e 's/^kind: Deployment/kind: DaemonSet/' -e '/^  replicas:/d' -e '/^  strategy:/,/^    type:/d' /root/fluentd.yaml > fluentd-ds.yaml
cat fluentd-ds.yaml
kubectl -n logging delete deployment fluentd
kubectl apply -f fluentd-ds.yaml
kubectl -n logging rollout status ds fluentd
kubectl -n logging get pods -o wide
