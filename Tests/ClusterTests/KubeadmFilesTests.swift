import Cluster
import Foundation
import NodeFS
import Testing

/// The files `kubeadm init/join` leaves on the nodes, as the reference records them.
struct KubeadmFilesTests {
    let world = World()

    private func text(_ node: String, _ path: String) -> String? {
        guard let disk = world.node(named: node)?.disk, let bytes = try? disk.readFile(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func apiServerManifestIsKubeadmsOwn() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/kube-apiserver.yaml")
        let expected = try String(contentsOf: fixture, encoding: .utf8)
        #expect(text("controlplane", "/etc/kubernetes/manifests/kube-apiserver.yaml") == expected)
    }

    @Test func controlPlaneHasFourStaticPodsAndWorkersNone() throws {
        let controlplane = try #require(world.node(named: "controlplane")).disk
        let node01 = try #require(world.node(named: "node01")).disk
        #expect(try controlplane.listDirectory("/etc/kubernetes/manifests")
            == ["etcd.yaml", "kube-apiserver.yaml", "kube-controller-manager.yaml", "kube-scheduler.yaml"])
        #expect(try node01.listDirectory("/etc/kubernetes/manifests") == [])
        #expect(text("node01", "/etc/kubernetes/admin.conf") == nil)
        #expect(text("node01", "/etc/kubernetes/kubelet.conf")?.contains("server: https://172.30.1.2:6443") == true)
        #expect(text("node01", "/etc/kubernetes/kubelet.conf")?.contains("user: system:node:node01") == true)
        #expect(text("controlplane", "/root/.kube/config") == text("controlplane", "/etc/kubernetes/admin.conf"))
    }

    @Test func kubeletConfigPointsAtTheManifests() {
        for node in ["controlplane", "node01"] {
            #expect(text(node, "/var/lib/kubelet/config.yaml")?.contains("\nstaticPodPath: /etc/kubernetes/manifests\n") == true)
            #expect(text(node, "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf")?
                .hasPrefix("# Note: This dropin only works with kubeadm and kubelet v1.11+\n[Service]\n") == true)
        }
    }

    @Test func etcdManifestNamesTheNode() {
        let etcd = text("controlplane", "/etc/kubernetes/manifests/etcd.yaml") ?? ""
        #expect(etcd.contains("    - --initial-cluster=controlplane=https://172.30.1.2:2380\n"))
        #expect(etcd.contains("    image: registry.k8s.io/etcd:3.5.16-0\n"))
        #expect(etcd.contains("      requests:\n        cpu: 100m\n        memory: 100Mi\n"))
    }

    @Test func secretsAreReadableByRootOnly() throws {
        let disk = try #require(world.node(named: "controlplane")).disk
        #expect(try disk.info("/etc/kubernetes/pki/ca.key").modeString == "-rw-------")
        #expect(try disk.info("/etc/kubernetes/pki/ca.crt").modeString == "-rw-r--r--")
        #expect(text("controlplane", "/etc/kubernetes/pki/ca.crt")?.hasPrefix("-----BEGIN CERTIFICATE-----\n") == true)
    }

    @Test func sameSeedSameCertificates() {
        #expect(World().node(named: "controlplane").flatMap { try? $0.disk.readFile("/etc/kubernetes/pki/ca.crt") }
            == world.node(named: "controlplane").flatMap { try? $0.disk.readFile("/etc/kubernetes/pki/ca.crt") })
    }
}
