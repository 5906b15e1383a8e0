import Controllers

extension World {
    /// kube-scheduler: binds pending pods while its static pod runs.
    func installScheduler() {
        controllers.add(SchedulerLoop(context: controllers.context))
    }
}
