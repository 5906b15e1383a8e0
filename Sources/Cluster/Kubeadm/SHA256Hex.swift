import Crypto

/// SHA-256 as lowercase hex, for the discovery hash `kubeadm` prints and checks.
enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
    }
}
