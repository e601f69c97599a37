//! `Tree`: the inputs and outputs of transformed functions — a tensor, a tuple, a `Vec`, an
//! `Option`, or a plain scalar (a leaf that is not differentiated, like a Python number argument).

use crate::tensor::Tensor;

/// A structure with tensor leaves that transforms can flatten and rebuild.
pub trait Tree: Sized {
    /// Appends the tensor leaves, in order.
    fn leaves(&self, out: &mut Vec<Tensor>);
    /// The same structure with its tensor leaves replaced, in order, by `leaves` (scalars and other
    /// non-tensor parts are kept).
    fn rebuild(&self, leaves: &mut dyn Iterator<Item = Tensor>) -> Self;

    /// The tensor leaves as a vector.
    fn flatten(&self) -> Vec<Tensor> {
        let mut v = Vec::new();
        self.leaves(&mut v);
        v
    }
}

impl Tree for Tensor {
    fn leaves(&self, out: &mut Vec<Tensor>) {
        out.push(self.clone());
    }
    fn rebuild(&self, leaves: &mut dyn Iterator<Item = Tensor>) -> Self {
        leaves.next().unwrap_or_else(|| self.clone())
    }
}

macro_rules! scalar_leaf {
    ($($t:ty),*) => {$(
        impl Tree for $t {
            fn leaves(&self, _: &mut Vec<Tensor>) {}
            fn rebuild(&self, _: &mut dyn Iterator<Item = Tensor>) -> Self { self.clone() }
        }
    )*};
}
scalar_leaf!((), bool, i32, i64, usize, f32, f64, String);

macro_rules! tuple_tree {
    ($($name:ident $i:tt),*) => {
        impl<$($name: Tree),*> Tree for ($($name,)*) {
            fn leaves(&self, out: &mut Vec<Tensor>) {
                $(self.$i.leaves(out);)*
            }
            fn rebuild(&self, leaves: &mut dyn Iterator<Item = Tensor>) -> Self {
                ($(self.$i.rebuild(leaves),)*)
            }
        }
    };
}
tuple_tree!(A 0);
tuple_tree!(A 0, B 1);
tuple_tree!(A 0, B 1, C 2);
tuple_tree!(A 0, B 1, C 2, D 3);
tuple_tree!(A 0, B 1, C 2, D 3, E 4);

impl<T: Tree> Tree for Vec<T> {
    fn leaves(&self, out: &mut Vec<Tensor>) {
        for x in self {
            x.leaves(out);
        }
    }
    fn rebuild(&self, leaves: &mut dyn Iterator<Item = Tensor>) -> Self {
        self.iter().map(|x| x.rebuild(leaves)).collect()
    }
}

impl<T: Tree> Tree for Option<T> {
    fn leaves(&self, out: &mut Vec<Tensor>) {
        if let Some(x) = self {
            x.leaves(out);
        }
    }
    fn rebuild(&self, leaves: &mut dyn Iterator<Item = Tensor>) -> Self {
        self.as_ref().map(|x| x.rebuild(leaves))
    }
}
