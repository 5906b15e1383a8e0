@testable import Course
import Foundation
import Testing

/// The catalogue of the lab's own texts: every key once, in both languages, with the same placeholders.
@Suite struct LabCatalogueTests {
    /// Texts that are the same in every language (only a program name, marks and values).
    static let sameInEveryLanguage: Set<LabMessage> = [.failure, .checkPassed]

    @Test func everyKeyHasBothLanguagesOnce() {
        let keys = LabCatalogue.entries.map(\.key)
        #expect(keys.count == Set(keys).count, "a key is listed twice")
        for key in LabMessage.allCases {
            let found = LabCatalogue.entries.filter { $0.key == key }
            #expect(found.count == 1, "\(key) is listed \(found.count) times")
            guard let entry = found.first else { continue }
            #expect(!entry.english.isEmpty && !entry.chinese.isEmpty, "\(key) lacks a text")
            #expect(LabMessages.placeholders(entry.english).sorted() == LabMessages.placeholders(entry.chinese).sorted(),
                    "\(key): the two texts fill in different values")
            #expect(entry.english.hasSuffix("\n") == entry.chinese.hasSuffix("\n"), "\(key): the texts end differently")
            if !Self.sameInEveryLanguage.contains(key) {
                #expect(entry.english != entry.chinese, "\(key) is not translated")
            }
        }
    }

    @Test func theChineseKeepsCommandsAndMarks() {
        for entry in LabCatalogue.entries {
            for word in ["lab ", "ckalab", "✓", "✗", "[y/N]"] where entry.english.contains(word) {
                #expect(entry.chinese.contains(word), "\(entry.key): \(word) is missing from the Chinese text")
            }
        }
    }

    /// What checks found keeps the Kubernetes words as the seeds and the content write them.
    @Test func checkTextsKeepKubernetesWords() {
        let words = ["DaemonSet", "taint", "nodeSelector", "node affinity", "staticPodPath", "manifest", "mirror",
                     "kubelet", "Running", "Ready", "selector"]
        for entry in LabCatalogue.checkEntries {
            for word in words where entry.english.contains(word) {
                #expect(entry.chinese.contains(word), "\(entry.key): \(word) is missing from the Chinese text")
            }
            for word in [" pod ", " pods ", "pod "] where entry.english.contains(word) {
                #expect(entry.chinese.contains("Pod"), "\(entry.key): a pod is a Pod in Chinese")
            }
            #expect(!entry.chinese.replacingOccurrences(of: "node affinity", with: "").contains("node "),
                    "\(entry.key): a node is 節點 in Chinese")
        }
    }

    /// A detail renders its values in the same language, and quotes the system as it is.
    @Test func detailsRenderNestedValues() {
        let found = CheckDetail.problems([
            .say(.daemonSetRunsOn, ["name": .verbatim("config"), "covered": .number(1), "total": .number(2)]),
            .onNode("controlplane", .say(.untoleratedTaint, ["taint": .verbatim("{x}:NoSchedule")])),
            .onNode("node01", .verbatim("no such file or directory")),
        ])
        #expect(found.english == "DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint {x}:NoSchedule; "
            + "node01: no such file or directory")
        #expect(found.rendered(LabMessages(.traditionalChinese))
            == "DaemonSet config 在 2 個節點中的 1 個上執行；controlplane：有未容忍的 taint {x}:NoSchedule；node01：no such file or directory")
    }

    @Test func placeholdersAreFilled() {
        let say = LabMessages(.traditionalChinese)
        #expect(say(.stepHeading, ["n": 2, "total": 3]) == "步驟 2/3")
        #expect(LabMessages(.english)(.stepHeading, ["n": 2, "total": 3]) == "Step 2 of 3")
        // A value is never read as a template; an unknown placeholder stays as written.
        #expect(LabMessages.fill("a {x} {y} {", ["x": "{y}"]) == "a {y} {y} {")
        #expect(LabMessages.placeholders("{a} {b c} {} {d") == ["a"])
    }
}
