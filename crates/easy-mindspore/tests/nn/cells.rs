//! Parameter, Cell, SequentialCell and gradients w.r.t. parameters: names, reprs, training
//! flags, the binding of parameters while a gradient runs, MindSpore's return structures, and a
//! user bprop.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::{self, Cell, Parameter, ParameterTuple};
use ems::{DType, Tensor};

#[test]
fn parameter_repr_and_set_data_rules() {
    let w = Parameter::new(Tensor::new([1.0f32, 2.0]).unwrap(), "w");
    assert_eq!(
        w.to_string(),
        "Parameter (name=w, shape=(2,), dtype=Float32, requires_grad=True)"
    );
    let s = Parameter::with_grad(Tensor::scalar(1.0f64), "s", false);
    assert_eq!(
        s.to_string(),
        "Parameter (name=s, shape=(), dtype=Float64, requires_grad=False)"
    );
    let m = Parameter::new(ems::zeros(&[2, 3], DType::Float32).unwrap(), "m");
    assert!(m.to_string().contains("shape=(2, 3)"));
    // Shape must not change; a lower dtype is converted up; a higher one is refused.
    assert!(w.set_data(&Tensor::new([1.0f32]).unwrap()).is_err());
    w.set_data(&Tensor::new([3i32, 4]).unwrap()).unwrap();
    assert_eq!(w.dtype(), DType::Float32);
    assert_eq!(w.value().to_vec::<f32>(), vec![3.0, 4.0]);
    let e = w
        .set_data(&Tensor::new([1.0f64, 2.0]).unwrap())
        .unwrap_err();
    assert!(e.to_string().contains("Parameter 'w' is Float32"), "{e}");
    // Clones share the handle.
    let w2 = w.clone();
    w2.set_data(&Tensor::new([5.0f32, 6.0]).unwrap()).unwrap();
    assert_eq!(w.value().to_vec::<f32>(), vec![5.0, 6.0]);
    assert!(w.same(&w2) && !w.same(&m));
}

#[test]
fn parameter_tuple_refuses_duplicate_names() {
    let a = Parameter::new(Tensor::scalar(1.0f32), "a");
    let b = Parameter::new(Tensor::scalar(2.0f32), "a");
    let e = ParameterTuple::new(vec![a.clone(), b]).unwrap_err();
    assert!(e.to_string().contains("'a' appears more than once"), "{e}");
    let t = ParameterTuple::new(vec![a]).unwrap();
    let m = t.clone_with("moment1", ems::zeros_like).unwrap();
    assert_eq!(m[0].name(), "moment1.a");
    assert_eq!(m[0].value().to_f64().unwrap(), 0.0);
}

/// A two-layer network written by hand, as a user would.
struct Net {
    fc1: nn::Dense,
    act: nn::ReLU,
    drop: nn::Dropout,
    fc2: nn::Dense,
}

impl Cell for Net {
    fn cls_name(&self) -> &'static str {
        "Net"
    }
    fn construct(&self, x: &Tensor) -> ems::Result<Tensor> {
        let h = self.drop.call(&self.act.call(&self.fc1.call(x)?)?)?;
        self.fc2.call(&h)
    }
    fn cells(&self) -> Vec<(String, &dyn Cell)> {
        vec![
            ("fc1".into(), &self.fc1 as &dyn Cell),
            ("act".into(), &self.act),
            ("drop".into(), &self.drop),
            ("fc2".into(), &self.fc2),
        ]
    }
}

fn net() -> Net {
    Net {
        fc1: nn::Dense::new(3, 4).unwrap(),
        act: nn::ReLU::new(),
        drop: nn::Dropout::new(0.5).unwrap(),
        fc2: nn::Dense::with_options(
            4,
            2,
            nn::DenseOptions {
                has_bias: false,
                ..Default::default()
            },
        )
        .unwrap(),
    }
}

#[test]
fn cell_names_training_flags_and_repr() {
    let _g = seeded(0);
    let n = net();
    let names: Vec<String> = n
        .parameters_and_names()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(names, ["fc1.weight", "fc1.bias", "fc2.weight"]);
    assert_eq!(n.trainable_params().len(), 3);
    // Parameter names follow the paths after update_parameters_name.
    assert_eq!(n.fc1.weight().name(), "weight");
    n.update_parameters_name("net.");
    assert_eq!(n.fc1.weight().name(), "net.fc1.weight");
    // Evaluation mode by default (MindSpore), training after set_train, recursively.
    assert!(!n.drop.training());
    n.set_train(true);
    assert!(n.drop.training());
    n.set_train(false);
    assert!(!n.drop.training());
    assert_eq!(
        n.repr(),
        "Net<\n  (fc1): Dense<input_channels=3, output_channels=4, has_bias=True>\n  (act): ReLU<>\n  \
         (drop): Dropout<p=0.5>\n  (fc2): Dense<input_channels=4, output_channels=2, has_bias=False>\n  >"
    );
    // requires_grad=false parameters are not trainable.
    n.fc1.bias().unwrap().set_requires_grad(false);
    assert_eq!(n.trainable_params().len(), 2);
    assert_eq!(n.untrainable_params().len(), 1);
}

#[test]
fn sequential_cell_names_children_by_index() {
    let _g = seeded(0);
    let s = nn::SequentialCell::new()
        .with(nn::Dense::new(2, 3).unwrap())
        .with(nn::Tanh::new())
        .with(nn::Dense::new(3, 1).unwrap());
    assert_eq!(s.len(), 3);
    let names: Vec<String> = s.get_parameters().iter().map(Parameter::name).collect();
    assert_eq!(names, ["0.weight", "0.bias", "2.weight", "2.bias"]);
    let x = ems::ones(&[4, 2], DType::Float32).unwrap();
    let manual = s
        .get(2)
        .unwrap()
        .call(
            &s.get(1)
                .unwrap()
                .call(&s.get(0).unwrap().call(&x).unwrap())
                .unwrap(),
        )
        .unwrap();
    assert_eq!(s.call(&x).unwrap().to_vec::<f32>(), manual.to_vec::<f32>());
    assert!(nn::SequentialCell::new().call(&x).unwrap().to_vec::<f32>() == x.to_vec::<f32>());
}

#[test]
fn shared_parameters_are_listed_once() {
    let _g = seeded(0);
    let d = nn::Dense::new(2, 2).unwrap();
    let w = d.weight().clone();
    struct Tied(nn::Dense, Parameter);
    impl Cell for Tied {
        fn cls_name(&self) -> &'static str {
            "Tied"
        }
        fn construct(&self, x: &Tensor) -> ems::Result<Tensor> {
            self.0.call(x)
        }
        fn params(&self) -> Vec<(String, Parameter)> {
            vec![("tied".into(), self.1.clone())]
        }
        fn cells(&self) -> Vec<(String, &dyn Cell)> {
            vec![("d".into(), &self.0)]
        }
    }
    let t = Tied(d, w);
    let names: Vec<String> = t
        .parameters_and_names()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["tied", "d.bias"]);
}

#[test]
fn value_and_grad_binds_and_restores_parameters() {
    // f = Σ (a·x + b)², df/da = Σ 2(ax+b)x, df/db = Σ 2(ax+b)
    let a = Parameter::new(Tensor::scalar(2.0f64), "a");
    let b = Parameter::new(Tensor::scalar(1.0f64), "b");
    let unused = Parameter::new(Tensor::new([7.0f64, 8.0]).unwrap(), "u");
    let x = t64(&[1.0, 2.0, 3.0], &[3]);
    let f = || ((&x * a.value())? + b.value())?.pow(2)?.sum();
    let params = [a.clone(), b.clone(), unused.clone(), a.clone()];
    let (v, g) = nn::value_and_grad(f, &params).unwrap();
    // ax+b = 3, 5, 7
    assert_eq!(v.to_f64().unwrap(), 9.0 + 25.0 + 49.0);
    assert_eq!(g[0].to_f64().unwrap(), 2.0 * (3.0 + 10.0 + 21.0));
    assert_eq!(g[1].to_f64().unwrap(), 2.0 * (3.0 + 5.0 + 7.0));
    assert_eq!(g[2].to_vec::<f64>(), vec![0.0, 0.0]); // unused: zeros of its shape
    assert_eq!(g[3].to_f64().unwrap(), g[0].to_f64().unwrap()); // listed twice
    assert!(!a.value().is_traced() && a.value().to_f64().unwrap() == 2.0);
    // Restored after an error too.
    let e = nn::value_and_grad(
        || (a.value() + ems::ones(&[5], DType::Float64)?)? * ems::ones(&[4], DType::Float64)?,
        std::slice::from_ref(&a),
    );
    assert!(e.is_err());
    assert!(!a.value().is_traced());
    assert_eq!(a.value().to_f64().unwrap(), 2.0);
}

#[test]
fn tuple_outputs_are_summed_and_aux_is_not_differentiated() {
    let w = Parameter::new(t64(&[1.0, 2.0], &[2]), "w");
    // (Σ w², Σ 3w): gradient 2w + 3 (reference §6.1: tuple outputs are summed).
    let g = nn::grad(
        || Ok((ems::square(&w.value())?.sum()?, (w.value() * 3.0)?.sum()?)),
        std::slice::from_ref(&w),
    )
    .unwrap();
    assert_eq!(g[0].to_vec::<f64>(), vec![5.0, 7.0]);
    let (out, aux, g) = nn::value_and_grad_with_aux(
        || Ok((ems::square(&w.value())?.sum()?, (w.value() * 100.0)?)),
        std::slice::from_ref(&w),
    )
    .unwrap();
    assert_eq!(out.to_f64().unwrap(), 5.0);
    assert_eq!(aux.to_vec::<f64>(), vec![100.0, 200.0]);
    assert!(!aux.is_traced());
    assert_eq!(g[0].to_vec::<f64>(), vec![2.0, 4.0]);
}

#[test]
fn gradients_of_inputs_and_parameters_together() {
    // f(x) = Σ x·w: df/dx = w, df/dw = x — MindSpore's (input_grads, param_grads).
    let w = Parameter::new(t64(&[3.0, 4.0], &[2]), "w");
    let x = t64(&[1.0, 2.0], &[2]);
    let (v, (gi, gp)) = nn::value_and_grad_with_inputs(
        |x: &Tensor| (x * w.value())?.sum(),
        &x,
        std::slice::from_ref(&w),
    )
    .unwrap();
    assert_eq!(v.to_f64().unwrap(), 11.0);
    assert_eq!(gi[0].to_vec::<f64>(), vec![3.0, 4.0]);
    assert_eq!(gp[0].to_vec::<f64>(), vec![1.0, 2.0]);
}

#[test]
fn gradients_w_r_t_parameters_nest_with_every_transform() {
    // Gradient penalty: d/dw [ (d/dx Σ (w·x)²)² ] with the input gradient taken inside.
    // d/dx Σ(wx)² = 2w²x; its square summed is Σ 4w⁴x², whose d/dw is 16 w³ Σx².
    let w = Parameter::new(Tensor::scalar(1.5f64), "w");
    let x = t64(&[1.0, -2.0], &[2]);
    let g = nn::grad(
        || {
            let gx = ems::grad(|x: &Tensor| ems::square(&(x * w.value())?)?.sum())(&x)?;
            ems::square(&gx)?.sum()
        },
        std::slice::from_ref(&w),
    )
    .unwrap();
    assert!((g[0].to_f64().unwrap() - 16.0 * 1.5f64.powi(3) * 5.0).abs() < 1e-9);
    // Second derivative w.r.t. a parameter: d²/dw² w⁴ = 12 w².
    let inner = |w: &Parameter| {
        nn::grad(|| w.value().pow(4), std::slice::from_ref(w)).map(|g| g[0].clone())
    };
    let g2 = nn::grad(|| inner(&w), std::slice::from_ref(&w)).unwrap();
    assert!((g2[0].to_f64().unwrap() - 12.0 * 2.25).abs() < 1e-9);
    // vmap over the batch inside a parameter gradient: per-example outputs, summed.
    let g3 = nn::grad(
        || {
            ems::vmap(|r: &Tensor| (r * w.value())?.sum(), 0, 0)(&t64(
                &[1.0, 2.0, 3.0, 4.0],
                &[2, 2],
            ))?
            .sum()
        },
        std::slice::from_ref(&w),
    )
    .unwrap();
    assert_eq!(g3[0].to_f64().unwrap(), 10.0);
}

#[test]
fn set_data_inside_the_function_keeps_the_new_value() {
    let p = Parameter::new(Tensor::scalar(1.0f64), "p");
    let (_, g) = nn::value_and_grad(
        || {
            let y = (p.value() * 3.0)?;
            p.set_data(&(p.value() + 1.0)?)?;
            Ok(y)
        },
        std::slice::from_ref(&p),
    )
    .unwrap();
    assert_eq!(g[0].to_f64().unwrap(), 3.0);
    assert!(!p.value().is_traced());
    assert_eq!(p.value().to_f64().unwrap(), 2.0);
}

/// A cell whose backward rule clips the incoming gradient (MindSpore's bprop style).
struct ClipGrad;
impl Cell for ClipGrad {
    fn cls_name(&self) -> &'static str {
        "ClipGrad"
    }
    fn construct(&self, x: &Tensor) -> ems::Result<Tensor> {
        x * 2.0
    }
    fn bprop(&self) -> Option<nn::Bprop> {
        Some(std::sync::Arc::new(|_x, _out, dout| {
            ems::clip(dout, -1.0, 1.0)
        }))
    }
}

#[test]
fn a_user_bprop_replaces_the_derivative() {
    let c = ClipGrad;
    let x = t64(&[1.0, 2.0], &[2]);
    assert_eq!(c.call(&x).unwrap().to_vec::<f64>(), vec![2.0, 4.0]);
    // d/dx Σ 5·c(x) through the rule: dout = 5 clipped to 1 (construct alone would give 10).
    let g = ems::grad(|x: &Tensor| (c.call(x)? * 5.0)?.sum())(&x).unwrap();
    assert_eq!(g.to_vec::<f64>(), vec![1.0, 1.0]);
    let g = ems::grad(|x: &Tensor| (c.call(x)? * 0.5)?.sum())(&x).unwrap();
    assert_eq!(g.to_vec::<f64>(), vec![0.5, 0.5]);
    let e = ems::vmap(|x: &Tensor| c.call(x), 0, 0)(&t64(&[1.0, 2.0], &[2, 1])).unwrap_err();
    assert!(e.to_string().contains("bprop"), "{e}");
}
