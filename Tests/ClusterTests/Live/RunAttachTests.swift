import Cluster
import LabTestSupport
import Testing

/// `kubectl run -i|-it [--rm]` and `kubectl attach`: testing from inside the cluster as a CKA
/// candidate does, with what kubectl v1.32 prints on each stream and its exit status.
struct RunAttachTests {
    @Test func nslookupFromATemporaryPodAgainstAHeadlessService() {
        let run = runLab(EndpointsTests.statefulSet + """
            kubectl run tmp --rm -it --image=busybox --restart=Never -- nslookup web-0.nginx.default.svc.cluster.local
            echo "status $?"
            kubectl run tmp --rm -i --image=busybox --restart=Never -- nslookup web-9.nginx
            echo "status $?"
            kubectl get pods
            """)
        #expect(run.stdout == """
            service/nginx created
            statefulset.apps/web created
            Server:\t\t10.96.0.10
            Address:\t10.96.0.10:53

            Name:\tweb-0.nginx.default.svc.cluster.local
            Address: 192.168.1.3


            pod "tmp" deleted
            status 0
            Server:\t\t10.96.0.10
            Address:\t10.96.0.10:53

            ** server can't find web-9.nginx: NXDOMAIN

            ** server can't find web-9.nginx: NXDOMAIN

            pod "tmp" deleted
            status 1
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          51s
            web-1   1/1     Running   0          47s

            """)
        #expect(run.stderr == "pod default/tmp terminated (Error)\n")
    }

    @Test func attachedCommandStreamsUntilItExits() {
        let run = runLab("""
            kubectl run tmp3 -i --image=busybox --restart=Never --command -- sh -c 'echo hi; sleep 5; echo bye; exit 3'
            echo "status $?"
            kubectl get pod tmp3
            kubectl run q -q --rm -i --image=busybox --restart=Never -- sh -c 'sleep 2; echo quiet'
            echo "status $?"
            """)
        #expect(run.stdout == """
            hi
            bye
            status 3
            NAME   READY   STATUS   RESTARTS   AGE
            tmp3   0/1     Error    0          13s
            quiet
            status 0

            """)
        #expect(run.stderr == """
            If you don't see a command prompt, try pressing enter.
            pod default/tmp3 terminated (Error)

            """)
    }

    @Test func ttyOnTheLearnersTerminal() {
        let script = """
            kubectl run tty --rm -it --image=busybox --restart=Never -- sh -c 'sleep 3; echo done'
            echo "status $?"
            """
        let terminal = runLab(script, terminal: true)
        #expect(terminal.stdout == """
            done
            Session ended, resume using 'kubectl attach tty -c tty -i -t' command when the pod is running
            pod "tty" deleted
            status 0

            """)
        #expect(terminal.stderr == "If you don't see a command prompt, try pressing enter.\n")
        let piped = runLab(script)
        #expect(piped.stdout == "done\npod \"tty\" deleted\nstatus 0\n")
        #expect(piped.stderr == """
            Unable to use a TTY - input is not a terminal or the right kind of file
            If you don't see a command prompt, try pressing enter.

            """)
    }

    @Test func generatedPodCarriesStdinAndTTY() {
        let run = runLab("""
            kubectl run x -it --attach=false --image=busybox --image-pull-policy=IfNotPresent --dry-run=client -o yaml -- sh
            kubectl run y -i --attach=false --leave-stdin-open --restart= --image=busybox -- sleep 600
            kubectl get pod y -o jsonpath='{.spec.restartPolicy} {.spec.containers[0].stdin} {.spec.containers[0].stdinOnce}{"\\n"}'
            """)
        #expect(run.stdout == """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: x
              name: x
            spec:
              containers:
              - args:
                - sh
                image: busybox
                imagePullPolicy: IfNotPresent
                name: x
                resources: {}
                stdin: true
                stdinOnce: true
                tty: true
              dnsPolicy: ClusterFirst
              restartPolicy: Always
            status: {}
            pod/y created
            Always true 

            """)
        #expect(run.stderr == "")
    }

    @Test func podThatCannotStartTimesOut() {
        let run = runLab("""
            kubectl run bad --rm -i --image=nginx:nope --restart=Never --pod-running-timeout=20s -- true
            echo "status $?"
            kubectl get pods
            """)
        #expect(run.stdout == "pod \"bad\" deleted\nstatus 1\n")
        #expect(run.stderr == """
            error: timed out waiting for the condition
            No resources found in default namespace.

            """)
    }

    @Test func attachChecksAndFollows() {
        let run = runLab("""
            kubectl run loop --image=busybox -- sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 20; done'
            sleep 5
            kubectl attach loop
            kubectl attach loop -c nope
            kubectl attach pod loop -it -q
            kubectl attach nope
            kubectl run done --image=busybox --restart=Never -- echo hi
            sleep 5
            kubectl attach done
            """)
        #expect(run.stdout == """
            pod/loop created
            tick 2
            tick 3
            tick 4
            tick 5
            tick 6
            tick 7
            pod/done created

            """)
        #expect(run.stderr == """
            If you don't see a command prompt, try pressing enter.
            error: cannot attach to the container: container nope not found in pod loop
            Error from server (NotFound): pods "nope" not found
            error: cannot attach a container in a completed pod; current phase is Succeeded

            """)
    }
}

/// `kubectl get endpointslices` columns as v1.32's printEndpointSlice fills them.
struct EndpointSlicePrinterTests {
    @Test func columnsWithTruncationAndUnsetCells() {
        let run = runLab(EndpointsTests.statefulSet + """
            kubectl create deployment app --image=nginx --replicas=5
            kubectl create service clusterip app --tcp=80,81,82,83
            kubectl create service clusterip empty --tcp=80
            sleep 20
            kubectl get endpointslices
            kubectl get endpointslice -l kubernetes.io/service-name=app -o wide
            """)
        let masked = LiveMasking.masked(run.stdout).replacing(/\b(app|empty)-[bcdfghjklmnpqrstvwxz2456789]{5}\b/) { "\($0.1)-xxxxx" }
        #expect(masked == """
            service/nginx created
            statefulset.apps/web created
            deployment.apps/app created
            service/app created
            service/empty created
            NAME          ADDRESSTYPE   PORTS                  ENDPOINTS                                         AGE
            app-xxxxx     IPv4          80,81,82 + 1 more...   192.168.1.5,192.168.1.6,192.168.1.7 + 2 more...   29s
            empty-xxxxx   IPv4          <unset>                <unset>                                           26s
            kubernetes    IPv4          6443                   172.30.1.2                                        25d
            nginx-xxxxx   IPv4          80                     192.168.1.3,192.168.1.4                           68s
            NAME        ADDRESSTYPE   PORTS                  ENDPOINTS                                         AGE
            app-xxxxx   IPv4          80,81,82 + 1 more...   192.168.1.5,192.168.1.6,192.168.1.7 + 2 more...   32s

            """)
        #expect(run.stderr == "")
    }
}
