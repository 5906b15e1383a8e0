import Kubectl
import KubeModel

typealias KubeModelValue = JSONValue
import Testing

/// HumanDuration (apimachinery's table) and the tab writer's layout.
@Suite struct PrintingHelperTests {
    static let second: Int64 = 1_000_000_000

    @Test(arguments: [
        (-2, "<invalid>"), (-1, "0s"), (0, "0s"), (12, "12s"), (119, "119s"), (120, "2m"), (125, "2m5s"), (599, "9m59s"),
        (600, "10m"), (33 * 60, "33m"), (179 * 60 + 59, "179m"), (3 * 3600, "3h"), (3 * 3600 + 5 * 60, "3h5m"),
        (8 * 3600, "8h"), (47 * 3600, "47h"), (48 * 3600, "2d"), (51 * 3600, "2d3h"), (8 * 86400, "8d"), (25 * 86400, "25d"),
        (729 * 86400, "729d"), (730 * 86400, "2y"), (775 * 86400, "2y45d"), (8 * 365 * 86400, "8y"),
    ] as [(Int64, String)])
    func humanDuration(_ seconds: Int64, _ expected: String) {
        #expect(HumanDuration.string(nanoseconds: seconds * Self.second) == expected)
    }

    @Test func ageFromTimestamp() {
        let now = RFC3339.seconds("2026-01-05T09:00:00Z").map { $0 * Self.second } ?? 0
        #expect(HumanDuration.age(of: "2026-01-05T08:59:48Z", now: now) == "12s")
        #expect(HumanDuration.age(of: "2025-12-11T09:00:00Z", now: now) == "25d")
        #expect(HumanDuration.age(of: nil, now: now) == "<unknown>")
        #expect(RFC3339.string(seconds: 1_767_603_600) == "2026-01-05T09:00:00Z")
    }

    @Test func tableLayout() {
        let text = TabWriter.format([["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["nginx", "1/1", "Running", "0", "25d"],
                                     ["a-much-longer-name", "0/1", "Pending", "0", "5s"]])
        #expect(text == """
            NAME                 READY   STATUS    RESTARTS   AGE
            nginx                1/1     Running   0          25d
            a-much-longer-name   0/1     Pending   0          5s

            """)
        // minwidth 6: a narrow column still takes 6.
        #expect(TabWriter.format([["A", "B"], ["x", "y"]]) == "A     B\nx     y\n")
    }

    @Test func customColumns() throws {
        let pod: KubeModelValue = ["metadata": ["name": "web"], "spec": ["containers": [["image": "nginx"], ["image": "busybox"]]]]
        let printer = try CustomColumns(spec: "NAME:.metadata.name,IMG:.spec.containers[*].image,NODE:.spec.nodeName")
        #expect(printer.render([pod]) == "NAME   IMG             NODE\nweb    nginx,busybox   <none>\n")
    }
}
