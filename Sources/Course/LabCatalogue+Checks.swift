/// What a check found, as `lab check` prints it under a failed check (`found: …`): the fixed
/// words only. What they quote from the system (names, paths, file contents, strerror texts,
/// Kubernetes reasons, field values, command output) is filled in as it is, in English.
extension LabCatalogue {
    static let checkEntries: [Entry] = [
        // Shared pieces.
        (.detailSeparator, "; ", "；"),
        (.listSeparator, ", ", "、"),
        (.nodeProblem, "{node}: {problem}", "{node}：{problem}"),
        (.noSuchNode, "no such node", "沒有這個節點"),
        (.noNode, "no node {node}", "沒有 {node} 這個節點"),
        (.noResourceType, "no {kind} type", "沒有 {kind} 這種資源"),
        (.matchEquals, "equal to {text}", "等於 {text}"),
        (.matchContains, "containing {text}", "包含 {text}"),
        (.matchMatches, "matching /{pattern}/", "符合 /{pattern}/"),

        // object, field.
        (.objectExists, "{object} exists", "{object} 存在"),
        (.objectNotFound, "{object} not found", "找不到 {object}"),
        (.objectStillExists, "{object} still exists", "{object} 仍然存在"),
        (.objectGone, "{object} is gone", "{object} 已經不存在"),
        (.fieldFailed, "{object} {path}: {error}", "{object} 的 {path}：{error}"),
        (.fieldIs, "{object} {path} is {value}", "{object} 的 {path} 是 {value}"),
        (.fieldIsNot, "{object} {path} is {value}, expected {expectation}", "{object} 的 {path} 是 {value}，應該{expectation}"),

        // file.
        (.fileOnNodes, "{path} on {good} of {total} nodes", "{total} 個節點中有 {good} 個有 {path}"),
        (.fileOnNodesOne, "{path} on {good} of 1 node", "1 個節點中有 {good} 個有 {path}"),
        (.fileMatchingOnNodes, "{path} {expectation} on {good} of {total} nodes",
         "{total} 個節點中有 {good} 個的 {path} 內容{expectation}"),
        (.fileMatchingOnNodesOne, "{path} {expectation} on {good} of 1 node", "1 個節點中有 {good} 個的 {path} 內容{expectation}"),
        (.noFileOnNodes, "no {path} on {good} of {total} nodes", "{total} 個節點中有 {good} 個沒有 {path}"),
        (.noFileOnNodesOne, "no {path} on {good} of 1 node", "1 個節點中有 {good} 個沒有 {path}"),
        (.fileExists, "{path} exists", "{path} 存在"),
        (.fileContents, "contents are {text}", "內容是 {text}"),

        // daemonSet.
        (.daemonSetRunsOn, "DaemonSet {name} runs on {covered} of {total} nodes", "DaemonSet {name} 在 {total} 個節點中的 {covered} 個上執行"),
        (.daemonSetRunsOnOne, "DaemonSet {name} runs on {covered} of 1 node", "DaemonSet {name} 在 1 個節點中的 {covered} 個上執行"),
        (.untoleratedTaint, "untolerated taint {taint}", "有未容忍的 taint {taint}"),
        (.nodeNotSelected, "the node does not match the pods' nodeSelector or node affinity",
         "節點不符合 Pod 的 nodeSelector 或 node affinity"),
        (.daemonSetNotThere, "the DaemonSet does not run there", "DaemonSet 不會在這個節點上執行"),
        (.noPodYet, "no pod yet", "還沒有 Pod"),
        (.podIs, "pod {pod} is {phase}", "Pod {pod} 處於 {phase}"),
        (.podNotStarted, "pod {pod} is not started", "Pod {pod} 尚未啟動"),

        // pods.
        (.badSelector, "bad selector {selector}", "selector {selector} 無效"),
        (.podsMatch, "{count} pods match {selector} in {namespace}, expected {expected}",
         "{namespace} 中有 {count} 個 Pod 符合 {selector}，預期 {expected} 個"),
        (.podsMatchOne, "1 pod match {selector} in {namespace}, expected {expected}",
         "{namespace} 中有 1 個 Pod 符合 {selector}，預期 {expected} 個"),
        (.podsInStateMatch, "{count} {state} pods match {selector} in {namespace}, expected {expected}",
         "{namespace} 中有 {count} 個 {state} 的 Pod 符合 {selector}，預期 {expected} 個"),
        (.podsInStateMatchOne, "1 {state} pod match {selector} in {namespace}, expected {expected}",
         "{namespace} 中有 1 個 {state} 的 Pod 符合 {selector}，預期 {expected} 個"),
        (.runningAndReady, "Running and Ready", "Running 且 Ready"),
        (.podPhase, "{name}: {phase}", "{name}：{phase}"),
        (.podPhaseNotReady, "{name}: {phase}, not Ready", "{name}：{phase}，未 Ready"),

        // staticPod.
        (.kubeletConfigUnloadable, "the kubelet's {path} cannot be loaded", "kubelet 的 {path} 無法載入"),
        (.kubeletConfigNoStaticPodPath, "the kubelet's {path} sets no staticPodPath", "kubelet 的 {path} 沒有設定 staticPodPath"),
        (.staticPodNoManifest, "no manifest for pod {name} in staticPodPath {directory} ({listing})",
         "staticPodPath {directory} 中沒有 Pod {name} 的 manifest（{listing}）"),
        (.directoryEmpty, "it is empty", "目錄是空的"),
        (.directoryHolds, "it holds {files}", "裡面有 {files}"),
        (.staticPodNoMirror, "manifest in {directory}, but no mirror pod {pod}", "{directory} 中有 manifest，但沒有 mirror Pod {pod}"),
        (.mirrorPodIs, "mirror pod {pod} is {phase}", "mirror Pod {pod} 處於 {phase}"),
        (.mirrorPodNotStarted, "mirror pod {pod} is not started", "mirror Pod {pod} 尚未啟動"),
        (.staticPodRuns, "{directory} runs {pod}", "{directory} 執行著 {pod}"),

        // event.
        (.eventFound, "{object}: {reason}: {message}", "{object}：{reason}：{message}"),
        (.noEvent, "no event {reason} on {object}{seen}", "{object} 上沒有 {reason} 事件{seen}"),
        (.noEventMatching, "no event {reason} {expectation} on {object}{seen}", "{object} 上沒有訊息{expectation} 的 {reason} 事件{seen}"),
        (.eventsSeen, " (seen: {reasons})", "（已有的事件：{reasons}）"),

        // command, script.
        (.exitStatusExpected, "exit status {status}, expected {expected}", "結束狀態 {status}，預期 {expected}"),
        (.outputExpected, "output {text}, expected {expectation}", "輸出 {text}，應該{expectation}"),
        (.commandFound, "{command}: {problems}", "{command}：{problems}"),
        (.commandExitStatus, "{command}: exit status {status}", "{command}：結束狀態 {status}"),
    ]
}
