//! The number of threads of the CPU kernels (`ems::device::cpu::set_num_threads`): the pool
//! starts with the count asked for, the kernels run on its threads, and a later, different
//! count is refused. A test binary of its own: the pool is process-wide and starts once.

use easy_mindspore as ems;
use ems::device::cpu::{num_threads, set_num_threads};
use ems::{ErrorClass, Tensor};

/// `(threads named ems-cpu-N, how many of them have used CPU time)`, from /proc.
fn pool() -> (usize, usize) {
    let (mut n, mut ran) = (0, 0);
    for t in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let dir = t.path();
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        let stat = std::fs::read_to_string(dir.join("stat")).unwrap_or_default();
        if comm.starts_with("ems-cpu-") {
            n += 1;
            let fields: Vec<&str> = stat
                .rsplit_once(')')
                .map_or("", |p| p.1)
                .split_whitespace()
                .collect();
            let ticks: u64 =
                fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
            ran += usize::from(ticks > 0);
        }
    }
    (n, ran)
}

#[test]
fn the_thread_count_takes_effect_and_is_set_once() {
    assert_eq!(pool().0, 0);
    let e = set_num_threads(0).unwrap_err();
    assert_eq!(e.class(), ErrorClass::Runtime);
    set_num_threads(3).unwrap();
    assert_eq!((pool().0, num_threads()), (3, 3));
    // Large kernels run on the pool's threads (results as on one thread).
    let x = Tensor::from_vec(vec![1.0f32; 1 << 22], &[1 << 22]).unwrap();
    let mut total = 0.0;
    // At least 30 kernels and until two threads' CPU time reaches the clock ticks /proc counts
    // in (10 ms): on a fast machine 30 kernels took less than a tick, and on a machine busy
    // with other processes the pool's threads may wait for a core a while (up to 60 s here).
    let start = std::time::Instant::now();
    let mut k = 0;
    while k < 30 || (pool().1 < 2 && start.elapsed().as_secs_f64() < 60.0) {
        total = x.exp().unwrap().sum().unwrap().to_f64().unwrap();
        k += 1;
    }
    assert!(
        (total / (1 << 22) as f64 - std::f64::consts::E).abs() < 1e-3,
        "{total}"
    );
    let (n, ran) = pool();
    assert_eq!(n, 3);
    assert!(ran >= 2, "{ran} of the pool's 3 threads ran");
    // The same count again is accepted; another one is refused, naming both.
    set_num_threads(3).unwrap();
    let e = set_num_threads(2).unwrap_err();
    assert_eq!(e.class(), ErrorClass::Runtime);
    assert!(
        e.to_string().contains("already runs 3 threads") && e.to_string().contains("to 2"),
        "{e}"
    );
}
