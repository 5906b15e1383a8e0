@testable import Course
import Foundation
import Testing

/// A lesson as a learner takes it: each step checked after every command, hints, back and
/// next, and quitting and resuming where it was left.
@Suite(.serialized) struct LabLessonTests {
    static let step2 = """
        Step 2 of 3
        Write a manifest for a pod named `static-web` (image nginx) into that folder. The
        kubelet starts it, and the API server shows a mirror pod named after the pod and the
        node: static-web-controlplane.
          $ kubectl run static-web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml

        """

    static let step3 = """
        Step 3 of 3
        Deleting the mirror pod with kubectl does not stop a static pod: the kubelet creates
        the mirror again. Remove the pod for good by moving its manifest out of the folder.
          $ mv /etc/kubernetes/manifests/static-web.yaml /root/

        """

    @Test func fromTheFirstStepToTheLast() {
        let lab = LabHarness()
        defer { lab.cleanUp() }
        let banner = lab.open(.lesson, "static-pods-basics")
        #expect(banner.hasPrefix("Lesson static-pods-basics: Static pods, the basics (3 steps, ~6 min)\n\nA static pod is run by"))
        #expect(banner.hasSuffix("Step 1 of 3\nThe kubelet reads static pod manifests from the folder named by `staticPodPath` in\nits configuration file, /var/lib/kubelet/config.yaml. Find that line.\n  $ grep staticPodPath /var/lib/kubelet/config.yaml\n"))
        // A command that does not do the step leaves it open.
        #expect(lab.type("ls /etc/kubernetes").out == "admin.conf\ncontroller-manager.conf\nkubelet.conf\nmanifests\npki\nscheduler.conf\nsuper-admin.conf\n")
        #expect(lab.type("grep staticPodPath /var/lib/kubelet/config.yaml").out == """
            staticPodPath: /etc/kubernetes/manifests
            ✓ The kubelet watches /etc/kubernetes/manifests, where kubeadm put etcd and the API server.


            """ + Self.step2)
        #expect(lab.type("lab check").out == "✗ Step 2 of 3 is not done yet: controlplane: no manifest for pod static-web in staticPodPath /etc/kubernetes/manifests (it holds etcd.yaml, kube-apiserver.yaml, kube-controller-manager.yaml, kube-scheduler.yaml)\n")
        #expect(lab.type("lab hint").out == "Hint: `kubectl run … --dry-run=client -o yaml` prints a Pod manifest without creating anything.\nTry: kubectl run static-web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml\n")
        let created = lab.type("kubectl run static-web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml", "sleep 20").out
        #expect(created == "✓ static-web-controlplane is up: `kubectl get pods` lists it.\n\n" + Self.step3)
        // Back to re-read a step: no second announcement, `lab next` goes on.
        #expect(lab.type("lab back").out == Self.step2)
        #expect(lab.type("true").out == "")
        #expect(lab.type("lab next").out == Self.step3)
        #expect(lab.type("lab next; echo $?") == ("1\n", "lab: this is the last step\n"))
        #expect(lab.type("mv /etc/kubernetes/manifests/static-web.yaml /root/").out == """
            ✓ The manifest is gone, so the kubelet stops the pod and removes its mirror.

            Lesson complete: Static pods, the basics. 'lab lessons' lists the others, 'lab exercises' the exercises.

            """)
        #expect(lab.type("lab status").out.hasPrefix("Lesson static-pods-basics: Static pods, the basics\nComplete\nHints used: 1\nCommands typed: 11\nTime: "))
    }

    @Test func quittingAndResumingLosesNothing() {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ckalab-resume-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = LabHarness(home: home)
        first.open(.lesson, "static-pods-basics")
        first.type("grep staticPodPath /var/lib/kubelet/config.yaml", "echo kept > /root/notes", "ssh node01", "lab hint")
        #expect(first.type("lab quit").out == "Your work is saved; 'ckalab' resumes it.\n")
        #expect(first.lab.hasEnded)
        // Killed now, or any time: a new lab built from the saved file is where the learner was.
        let second = LabHarness(home: home)
        let last = try? #require(SessionStore(home: home).current())
        #expect(last?.key == "lesson-static-pods-basics")
        #expect(second.open(.lesson, "static-pods-basics") == "Resuming static-pods-basics: 5 commands replayed\n" + Self.step2)
        #expect(second.lab.session.prompt == "root@node01:~# ")
        #expect(second.type("ssh controlplane cat /root/notes").out == "kept\n")
        #expect(second.lab.state.hintsUsed == 1)
    }

    @Test func zhTWTextsSameChecks() {
        let library = CourseLibrary.load(root: CourseRoot.path, language: .traditionalChinese)
        let lab = LabHarness(library: library)
        defer { lab.cleanUp() }
        let banner = lab.open(.lesson, "static-pods-basics")
        #expect(banner.hasPrefix("課程 static-pods-basics：靜態 Pod 入門（3 個步驟，約 6 分鐘）\n\n靜態 Pod 由某個節點上的 kubelet"))
        #expect(lab.type("grep staticPodPath /var/lib/kubelet/config.yaml").out.contains("✓ kubelet 監看 /etc/kubernetes/manifests，kubeadm 把 etcd 和 API server 放在這裡。\n\n步驟 2/3\n在這個目錄寫入"))
    }
}
