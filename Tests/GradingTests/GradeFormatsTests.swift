import Course
import Foundation
import FoundationXML
import Grading
import KubeModel
import Testing

/// The fixture class graded once, in every format, asserted as an instructor sees it.
@Suite struct GradeFormatsTests {
    static let report: GradeReport? = try? ClassFixture.report()

    private var report: GradeReport { Self.report ?? GradeReport(rows: [], rubrics: [:]) }

    @Test func tableHasOneRowPerLearnerTotalsAndFeedback() {
        let text = ReportFormat.table.render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(7)) == [
            "LEARNER   SCORE  daemonset-exists  busybox-image  runs-on-every-node  hostpath-volume  file-on-every-node  FILE",
            "alice     10/10  2/2               1/1            3/3                 1/1              3/3                 class/a-alice.sh",
            "bob       0/10   0/2               0/1            0/3                 0/1              0/3                 class/b-bob.sh",
            "carol     4/10   2/2               1/1            0/3                 1/1              0/3                 class/carol.sh",
            "dave.bin  error  -                 -              -                   -                -                   class/dave.bin",
            "4 submissions: 3 graded, 1 error; mean 3.5/10, 1 full marks",
            "",
        ])
        #expect(text.contains("""
            carol (class/carol.sh): 4/10
              ✗ runs-on-every-node 0/3: The DaemonSet must run a pod on every node, the control plane included (its pods need a toleration for the control-plane taint). (DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule)
              ✗ file-on-every-node 0/3: /config/conf must hold the line Hello, Kubernetes! on every node. (/config/conf equal to "Hello, Kubernetes!\\n" on 1 of 2 nodes; controlplane: no such file or directory)
            dave.bin (class/dave.bin): error: binary data, not a text file

            """))
        #expect(!text.contains("alice (class"))
    }

    @Test func csvIsOneRowPerLearner() {
        #expect(ReportFormat.csv.render(report) == """
            learner,file,exercise,score,max,daemonset-exists,busybox-image,runs-on-every-node,hostpath-volume,file-on-every-node,error
            alice,class/a-alice.sh,ds-config-file,10,10,2,1,3,1,3,
            bob,class/b-bob.sh,ds-config-file,0,10,0,0,0,0,0,
            carol,class/carol.sh,ds-config-file,4,10,2,1,0,1,0,
            dave.bin,class/dave.bin,ds-config-file,0,10,0,0,0,0,0,"binary data, not a text file"

            """)
    }

    @Test func jsonHasTheKeys() throws {
        let value = try KubeJSON.parse(ReportFormat.json.render(report))
        let top = try #require(value.objectValue)
        #expect(Array(top.keys) == ["submissions", "summary"])
        let rows = try #require(top["submissions"]?.arrayValue)
        #expect(rows.count == 4)
        let carol = try #require(rows[2].objectValue)
        #expect(Array(carol.keys) == ["learner", "file", "exercise", "status", "score", "max", "checks"])
        #expect(carol["score"] == .int(4))
        let check = try #require(carol["checks"]?.arrayValue?[2].objectValue)
        #expect(Array(check.keys) == ["name", "points", "max", "passed", "feedback", "detail"])
        #expect(check["passed"] == .bool(false))
        let dave = try #require(rows[3].objectValue)
        #expect(dave["status"] == .string("error"))
        #expect(dave["error"] == .string("binary data, not a text file"))
        #expect(top["summary"] == .object(["submissions": .int(4), "graded": .int(3), "errors": .int(1)]))
    }

    @Test func junitParsesWithASuitePerSubmission() throws {
        let xml = ReportFormat.junit.render(report)
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "16")
        #expect(root.attribute(forName: "failures")?.stringValue == "7")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" } == ["alice", "bob", "carol", "dave.bin"])
        let carolCases = suites[2].elements(forName: "testcase")
        #expect(carolCases.count == 5)
        let failure = try #require(carolCases[2].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "The DaemonSet must run a pod on every node, the control plane included "
            + "(its pods need a toleration for the control-plane taint). (DaemonSet config runs on 1 of 2 nodes; "
            + "controlplane: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule)")
        #expect(failure.stringValue == "DaemonSet config runs on 1 of 2 nodes; controlplane: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule")
        let error = try #require(suites[3].elements(forName: "testcase").first?.elements(forName: "error").first)
        #expect(error.attribute(forName: "message")?.stringValue == "binary data, not a text file")
        #expect(xml.contains("<testcase name=\"daemonset-exists\" classname=\"ds-config-file.alice\"/>\n"))
    }

    @Test func gradescopeResultsForANearMiss() throws {
        var one = report
        one.rows = one.rows.filter { $0.learner == "carol" }
        #expect(ReportFormat.gradescope.render(one).hasPrefix("""
            {
                "score": 4,
                "max_score": 10,
                "output": "ds-config-file: 4/10",
                "tests": [
                    {
                        "name": "daemonset-exists",
                        "score": 2,
                        "max_score": 2,
                        "status": "passed",
                        "output": "passed"
                    },
            """))
        let value = try KubeJSON.parse(ReportFormat.gradescope.render(one))
        let tests = try #require(value.objectValue?["tests"]?.arrayValue)
        #expect(tests.count == 5)
        #expect(tests[2].objectValue?["score"] == .int(0))
        #expect(tests[2].objectValue?["output"]?.stringValue?.hasPrefix("The DaemonSet must run a pod on every node") == true)
    }

    @Test func rowsDoNotDependOnThreads() throws {
        #expect(try ClassFixture.report(jobs: 1) == report)
    }
}
