import Cluster
import LabTestSupport
import Testing

/// The endpoints and endpointslice controllers behind Services: the selected pods' addresses,
/// hostnames of a StatefulSet's pods under its headless Service, and the objects' lifecycle.
struct EndpointsTests {
    static let statefulSet = """
        cat > web.yaml <<EOF
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels: {app: nginx}
        spec:
          clusterIP: None
          selector: {app: nginx}
          ports:
          - name: web
            port: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: nginx
          replicas: 2
          selector:
            matchLabels: {app: nginx}
          template:
            metadata:
              labels: {app: nginx}
            spec:
              containers:
              - name: nginx
                image: nginx
                ports:
                - name: web
                  containerPort: 80
        EOF
        kubectl apply -f web.yaml
        sleep 30

        """

    @Test func headlessServiceListsTheStatefulSetPods() {
        let run = runLab(Self.statefulSet + """
            kubectl get endpoints nginx
            kubectl get ep
            kubectl get endpoints nginx -o yaml | grep -v -e uid: -e resourceVersion: -e Timestamp -e trigger-time
            kubectl describe svc nginx | grep Endpoints
            kubectl get endpointslice -l kubernetes.io/service-name=nginx -o jsonpath='{.items[0].metadata.labels}{"\\n"}{.items[0].endpoints[*].hostname}{"\\n"}{.items[0].endpoints[0].conditions}{"\\n"}'
            """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            service/nginx created
            statefulset.apps/web created
            NAME    ENDPOINTS                       AGE
            nginx   192.168.1.3:80,192.168.1.4:80   36s
            NAME         ENDPOINTS                       AGE
            kubernetes   172.30.1.2:6443                 25d
            nginx        192.168.1.3:80,192.168.1.4:80   39s
            apiVersion: v1
            kind: Endpoints
            metadata:
              annotations:
              labels:
                app: nginx
                service.kubernetes.io/headless: ""
              name: nginx
              namespace: default
            subsets:
            - addresses:
              - hostname: web-0
                ip: 192.168.1.3
                nodeName: node01
                targetRef:
                  kind: Pod
                  name: web-0
                  namespace: default
              - hostname: web-1
                ip: 192.168.1.4
                nodeName: node01
                targetRef:
                  kind: Pod
                  name: web-1
                  namespace: default
              ports:
              - name: web
                port: 80
                protocol: TCP
            Endpoints:                192.168.1.3:80,192.168.1.4:80
            {"app":"nginx","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io","kubernetes.io/service-name":"nginx","service.kubernetes.io/headless":""}
            web-0 web-1
            {"ready":true,"serving":true,"terminating":false}

            """)
    }

    @Test func endpointsFollowPodsAndTheService() {
        let run = runLab("""
            kubectl create deployment app --image=nginx --replicas=2 --port=80
            kubectl expose deployment app --port=8080 --target-port=80
            kubectl create service clusterip manual --tcp=80
            sleep 20
            kubectl get ep app manual
            kubectl scale deployment app --replicas=0
            sleep 40
            kubectl get ep app
            kubectl delete svc app
            sleep 3
            kubectl get ep app
            kubectl get endpointslices -l kubernetes.io/service-name=app
            """)
        #expect(run.stdout == """
            deployment.apps/app created
            service/app exposed
            service/manual created
            NAME     ENDPOINTS                       AGE
            app      192.168.1.3:80,192.168.1.4:80   29s
            manual   <none>                          26s
            deployment.apps/app scaled
            NAME   ENDPOINTS   AGE
            app    <none>      78s
            service "app" deleted

            """)
        #expect(run.stderr == """
            Error from server (NotFound): endpoints "app" not found
            No resources found in default namespace.

            """)
    }
}

/// DNS inside containers: busybox's nslookup and glibc's getent against the cluster's names.
struct ClusterDNSTests {
    @Test func statefulSetPodsResolveUnderTheHeadlessService() {
        let run = runLab(EndpointsTests.statefulSet + """
            kubectl run dns --image=busybox --restart=Never -- sleep 3600
            sleep 10
            kubectl exec dns -- cat /etc/resolv.conf
            kubectl exec dns -- nslookup web-0.nginx.default.svc.cluster.local
            kubectl exec dns -- nslookup nginx
            echo "status $?"
            kubectl exec dns -- nslookup web-0.nginx
            echo "status $?"
            kubectl exec web-0 -- getent hosts web-1.nginx
            kubectl exec web-0 -- getent hosts kubernetes.default
            kubectl exec web-0 -- getent hosts nope
            echo "status $?"
            kubectl exec web-0 -- nslookup nginx
            """)
        #expect(run.stdout == """
            service/nginx created
            statefulset.apps/web created
            pod/dns created
            search default.svc.cluster.local svc.cluster.local cluster.local
            nameserver 10.96.0.10
            options ndots:5
            Server:\t\t10.96.0.10
            Address:\t10.96.0.10:53

            Name:\tweb-0.nginx.default.svc.cluster.local
            Address: 192.168.1.3


            Server:\t\t10.96.0.10
            Address:\t10.96.0.10:53

            Name:\tnginx.default.svc.cluster.local
            Address: 192.168.1.3
            Name:\tnginx.default.svc.cluster.local
            Address: 192.168.1.4

            ** server can't find nginx.svc.cluster.local: NXDOMAIN

            ** server can't find nginx.cluster.local: NXDOMAIN


            ** server can't find nginx.svc.cluster.local: NXDOMAIN

            ** server can't find nginx.cluster.local: NXDOMAIN

            status 1
            Server:\t\t10.96.0.10
            Address:\t10.96.0.10:53

            ** server can't find web-0.nginx: NXDOMAIN

            ** server can't find web-0.nginx: NXDOMAIN

            status 1
            192.168.1.4     web-1.nginx.default.svc.cluster.local
            10.96.0.1       kubernetes.default.svc.cluster.local
            status 2

            """)
        #expect(run.stderr == """
            command terminated with exit code 1
            command terminated with exit code 1
            command terminated with exit code 2
            error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "abe521546d46e1e99bf2db9f41676e5e3722eb9fa70a4bff5dc17039ed842e24": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown

            """)
    }
}
