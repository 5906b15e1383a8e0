extension OutputSink {
    /// Bytes a command should write to one sink at most. Pipeline stages run one after another,
    /// so an endless producer (`yes | head`) must stop by itself: check `isOverBudget`.
    public static let byteBudget = 64 << 20

    /// True once this sink has received `byteBudget` bytes.
    public var isOverBudget: Bool { byteCount >= Self.byteBudget }
}
