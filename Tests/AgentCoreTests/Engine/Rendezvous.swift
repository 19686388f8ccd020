/// Lets one tool wait until another has started.
actor Rendezvous {
    private var arrived = false
    private var waiter: CheckedContinuation<Void, Never>?

    func signal() {
        arrived = true
        waiter?.resume()
        waiter = nil
    }

    func wait() async {
        if arrived { return }
        await withCheckedContinuation { waiter = $0 }
    }
}
