import CommandKit
import NodeFS
import SimKit

/// One machine of the world: its name, address and own disk.
public final class Node {
    public let name: String
    public let address: String
    public let disk: Disk

    init(spec: WorldDescription.NodeSpec, world description: WorldDescription, image: FileTree, hosts: [UInt8], clock: SimClock,
         stage: KubeadmNode.Stage = .booted) {
        name = spec.name
        address = spec.address
        disk = Disk(tree: image, clock: clock)
        try? disk.writeFile("/etc/hostname", Array("\(spec.name)\n".utf8), append: false, mode: 0o644)
        try? disk.writeFile("/etc/hosts", hosts, append: false, mode: 0o644)
        if let controlPlane = description.controlPlane {
            KubeadmNode.install(on: disk, node: spec, controlPlane: controlPlane,
                                layout: description.kubeletLayout, seed: description.seed, stage: stage)
        }
    }

    public var host: Host { Host(hostname: name) }
}
