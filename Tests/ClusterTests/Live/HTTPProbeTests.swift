import Cluster
import LabTestSupport
import Testing

/// Probing Services the way CKA candidates do: busybox wget from a pod, curl from a node.
struct HTTPProbeTests {
    static let web = """
        kubectl create deployment web --image=nginx --replicas=2 --port=80
        kubectl expose deployment web --port=80
        kubectl run bb --image=busybox --restart=Never -- sleep 3600
        sleep 30

        """

    static let scripts: [String: String] = [
        "wget": web + """
            kubectl exec bb -- wget -qO- http://web | head -4
            kubectl exec bb -- wget -O- web.default.svc.cluster.local | tail -2
            kubectl exec bb -- wget http://web
            kubectl exec bb -- wget http://web; echo "status $?"
            kubectl exec bb -- ls -l index.html
            kubectl exec bb -- wget -S --spider http://web
            kubectl exec bb -- wget -q http://web/missing; echo "status $?"
            kubectl exec bb -- wget -q -O /tmp/x http://nosuch; echo "status $?"
            kubectl create service clusterip empty --tcp=80
            sleep 3
            kubectl exec bb -- wget -q -T 2 http://empty; echo "status $?"
            """,
        "curl": web + """
            CIP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
            curl -s http://$CIP | head -4
            curl web; echo "status $?"
            kubectl create service clusterip empty --tcp=80
            curl -sS http://$(kubectl get svc empty -o jsonpath='{.spec.clusterIP}'); echo "status $?"
            IP=$(kubectl get pod -l app=web -o jsonpath='{.items[0].status.podIP}')
            POD=$(kubectl get pod -l app=web -o jsonpath='{.items[0].metadata.name}')
            kubectl exec $POD -- sh -c 'echo hello > /usr/share/nginx/html/index.html'
            curl -sI http://$IP
            curl -s http://$IP
            curl -s http://$IP:8080; echo "status $?"
            curl -sf http://$IP/nothing; echo "status $?"
            curl -s -o page.html http://$IP/nothing; cat page.html
            curl -v http://$IP/ 2>&1 >/dev/null | grep -v Date
            kubectl expose deployment web --name=np --type=NodePort --port=80
            sleep 3
            curl -s node01:$(kubectl get svc np -o jsonpath='{.spec.ports[0].nodePort}') | head -4
            """,
        "pods": """
            kubectl run h --image=httpd
            kubectl run ng --image=nginx
            sleep 20
            kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- $(kubectl get pod h -o jsonpath='{.status.podIP}')
            kubectl exec ng -- curl -s $(kubectl get pod h -o jsonpath='{.status.podIP}')
            kubectl exec ng -- wget -qO- $(kubectl get pod h -o jsonpath='{.status.podIP}')
            kubectl exec h -- curl -s localhost
            kubectl exec ng -- curl -s localhost | head -4
            kubectl run bb --image=busybox -- sleep 1d
            sleep 5
            kubectl exec bb -- wget -qO- 127.0.0.1; echo "status $?"
            """,
    ]

    /// busybox wget in a pod: by Service name and FQDN, to stdout and to a file, -S --spider, 404, unknown host, a Service without endpoints.
    @Test func wgetFromAPodReachesTheServiceBackends() {
        let run = runLab(Self.scripts["wget"] ?? "")
        #expect(run.stdout == """
            deployment.apps/web created
            service/web exposed
            pod/bb created
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            </body>
            </html>
            status 1
            -rw-r--r-- 1 root root 615 Jan  5 09:00 index.html
            status 1
            status 1
            service/empty created
            status 1

            """)
        #expect(run.stderr == """
            Connecting to web.default.svc.cluster.local (10.109.156.37:80)
            writing to stdout
            -                    100% |********************************|   615  0:00:00 ETA
            written to stdout
            Connecting to web (10.109.156.37:80)
            saving to 'index.html'
            index.html           100% |********************************|   615  0:00:00 ETA
            'index.html' saved
            Connecting to web (10.109.156.37:80)
            wget: can't open 'index.html': File exists
            command terminated with exit code 1
            Connecting to web (10.109.156.37:80)
              HTTP/1.1 200 OK
              Server: nginx/1.27.3
              Date: Mon, 05 Jan 2026 09:01:00 GMT
              Content-Type: text/html
              Content-Length: 615
              Last-Modified: Wed, 26 Nov 2025 09:00:00 GMT
              Connection: close
              ETag: "6926c190-267"
              Accept-Ranges: bytes
              
            remote file exists
            wget: server returned error: HTTP/1.1 404 Not Found
            command terminated with exit code 1
            wget: bad address 'nosuch'
            command terminated with exit code 1
            wget: can't connect to remote host (10.96.210.183): Connection refused
            command terminated with exit code 1

            """)
    }

    /// curl on a node: a ClusterIP answers, a Service name does not resolve (the node's resolver is not the cluster's);
    /// pod IPs serve what `kubectl exec` wrote; 404s, -I, -f, -o, -v and a NodePort.
    @Test func curlOnANodeReachesClusterIPsPodIPsAndNodePorts() {
        let run = runLab(Self.scripts["curl"] ?? "")
        #expect(run.stdout == """
            deployment.apps/web created
            service/web exposed
            pod/bb created
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            status 6
            service/empty created
            status 7
            HTTP/1.1 200 OK\r
            Server: nginx/1.27.3\r
            Date: Mon, 05 Jan 2026 09:01:09 GMT\r
            Content-Type: text/html\r
            Content-Length: 6\r
            Last-Modified: Mon, 05 Jan 2026 09:01:06 GMT\r
            Connection: keep-alive\r
            ETag: "695b7dd2-6"\r
            Accept-Ranges: bytes\r
            \r
            hello
            status 7
            status 22
            <html>\r
            <head><title>404 Not Found</title></head>\r
            <body>\r
            <center><h1>404 Not Found</h1></center>\r
            <hr><center>nginx/1.27.3</center>\r
            </body>\r
            </html>\r
            *   Trying 192.168.1.3:80...
            * Connected to 192.168.1.3 (192.168.1.3) port 80
            > GET / HTTP/1.1\r
            > Host: 192.168.1.3\r
            > User-Agent: curl/8.5.0\r
            > Accept: */*\r
            > \r
            < HTTP/1.1 200 OK\r
            < Server: nginx/1.27.3\r
            < Content-Type: text/html\r
            < Content-Length: 6\r
            < Last-Modified: Mon, 05 Jan 2026 09:01:06 GMT\r
            < Connection: keep-alive\r
            < ETag: "695b7dd2-6"\r
            < Accept-Ranges: bytes\r
            < \r
            * Connection #0 to host 192.168.1.3 left intact
            service/np exposed
            hello

            """)
        #expect(run.stderr == """
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                             Dload  Upload   Total   Spent    Left  Speed
            \r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0
            curl: (6) Could not resolve host: web
            curl: (7) Failed to connect to 10.96.210.183 port 80 after 0 ms: Couldn't connect to server

            """)
    }

    /// httpd's page, curl inside the nginx image, images without the program, and localhost: the pod itself.
    @Test func podIPsAndImagesThatServeOrNot() {
        let run = runLab(Self.scripts["pods"] ?? "")
        #expect(run.stdout == """
            pod/h created
            pod/ng created
            <html><body><h1>It works!</h1></body></html>
            pod "tmp" deleted
            <html><body><h1>It works!</h1></body></html>
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            pod/bb created
            status 1

            """)
        #expect(run.stderr == """
            error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "547a6a7f529a6424002326abf4af30e77c42518e2b13fc1eb129ad0f5b90d3d1": OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in $PATH: unknown
            error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "0aa4ac48d95b84086a11d4a5c7230b9be1c7afb079e2bb4ac719aa8f3f390c95": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown
            wget: can't connect to remote host (127.0.0.1): Connection refused
            command terminated with exit code 1

            """)
    }
}
