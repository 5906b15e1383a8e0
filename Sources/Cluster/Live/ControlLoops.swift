import Controllers

extension World {
    /// Registers the control loops, always in this order, so runs are deterministic.
    /// Each installer lives next to the loops it wires (Live/*Loops.swift).
    func installControlLoops() {
        installKubelets()
        installScheduler()
        installWorkloadControllers()
    }
}
