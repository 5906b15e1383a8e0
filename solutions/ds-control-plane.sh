kubectl -n monitoring get ds log-agent
kubectl describe node controlplane | grep Taints
kubectl -n monitoring patch ds log-agent --type=json -p='[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}]'
kubectl -n monitoring rollout status ds log-agent
kubectl -n monitoring get pods -o wide
