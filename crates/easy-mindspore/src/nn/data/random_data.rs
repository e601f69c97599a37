//! The rows of MindSpore's `RandomDataset`, as MindSpore 2.10 draws them for a seed.
//!
//! MindSpore's random-data source seeds one `std::mt19937` with the pipeline's seed and draws,
//! with libstdc++'s `uniform_int_distribution` (by division, as in [`super::order`]): first the
//! number of rows when none is given (1 to 1024), then, without a schema, the schema itself (1 to
//! 4 columns, each a type among the twelve numeric ones in MindSpore's `DataType` order, a rank of
//! 1 to 4 and each dimension 0 to 32, where 0 means a dimension every row draws anew); then, row
//! by row and column by column, each unknown dimension (1 to 32) and one byte, which fills the
//! whole column value (the op writes "random and repeated bytes"). Every epoch reads the same
//! rows. The tests hold it to the values MindSpore 2.10 printed.

use super::room;
use crate::error::Result;
use crate::random::stdcxx::{uniform_in, Mt19937};

/// Most rows drawn when none are given.
const MAX_ROWS: u64 = 1024;
/// Most columns, rank and dimension of a drawn schema.
const MAX_COLUMNS: u64 = 4;
const MAX_RANK: u64 = 4;
const MAX_DIM: u64 = 32;
/// The numeric types a drawn schema picks from: codes 1 (bool) to 12 (float64) of MindSpore's
/// `DataType` (bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float16, float32,
/// float64).
const TYPES: u64 = 12;

/// A column of a drawn schema: its type's code (1 to 12, see [`TYPES`]) and its dimensions,
/// `None` where each row draws its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomColumn {
    /// MindSpore's `DataType` code.
    pub code: u8,
    /// The dimensions (`None`: drawn per row).
    pub dims: Vec<Option<usize>>,
}

/// What a `RandomDataset` reads: its rows' count, the schema when it was drawn, and per row and
/// column the byte that fills the value, with the row's draws of the unknown dimensions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomData {
    /// The number of rows.
    pub rows: usize,
    /// The drawn schema (`None` when the caller gave one).
    pub schema: Option<Vec<RandomColumn>>,
    /// `rows × columns` bytes, row by row.
    pub bytes: Vec<u8>,
    /// The unknown dimensions' draws, row by row (each row draws as many, in column order).
    pub dims: Vec<usize>,
}

/// The rows of a `RandomDataset` for `seed`: `rows` of them (drawn when `None`), with the
/// columns' dimensions of `schema` (`None` where a row draws its own) or a drawn schema.
pub fn random_data(
    seed: u64,
    rows: Option<usize>,
    schema: Option<&[Vec<Option<usize>>]>,
) -> Result<RandomData> {
    let mut g = Mt19937::new(seed as u32);
    let rows = match rows {
        Some(n) => n,
        None => uniform_in(&mut g, 1, MAX_ROWS) as usize,
    };
    let drawn = match schema {
        Some(_) => None,
        None => Some(draw_schema(&mut g)),
    };
    let shapes: Vec<Vec<Option<usize>>> = match (&drawn, schema) {
        (Some(cols), _) => cols.iter().map(|c| c.dims.clone()).collect(),
        (None, Some(s)) => s.to_vec(),
        (None, None) => Vec::new(),
    };
    let unknown: usize = shapes.iter().flatten().filter(|d| d.is_none()).count();
    let mut bytes = room::<u8>(rows.saturating_mul(shapes.len()), "RandomDataset")?;
    let mut dims = room::<usize>(rows.saturating_mul(unknown), "RandomDataset")?;
    for _ in 0..rows {
        for shape in &shapes {
            for _ in shape.iter().filter(|d| d.is_none()) {
                dims.push(uniform_in(&mut g, 1, MAX_DIM) as usize);
            }
            bytes.push(uniform_in(&mut g, 0, 255) as u8);
        }
    }
    Ok(RandomData {
        rows,
        schema: drawn,
        bytes,
        dims,
    })
}

/// A schema as MindSpore draws one: the columns, then per column its type, rank and dimensions.
fn draw_schema(g: &mut Mt19937) -> Vec<RandomColumn> {
    let columns = uniform_in(g, 1, MAX_COLUMNS);
    (0..columns)
        .map(|_| {
            let code = uniform_in(g, 1, TYPES) as u8;
            let rank = uniform_in(g, 1, MAX_RANK);
            let dims = (0..rank)
                .map(|_| match uniform_in(g, 0, MAX_DIM) {
                    0 => None,
                    d => Some(d as usize),
                })
                .collect();
            RandomColumn { code, dims }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(dims: &[usize]) -> Vec<Option<usize>> {
        dims.iter().map(|&d| Some(d)).collect()
    }

    /// `ds.config.set_seed(5)`; a schema of `uint8 [2]`, `int32 [1]`, `float32 [3]`; 4 rows:
    /// MindSpore 2.10 read bytes 56 14 222 | 212 52 93 | 235 250 125 | 22 156 101.
    #[test]
    fn a_given_schema_reads_mindspores_bytes() {
        let schema = [fixed(&[2]), fixed(&[1]), fixed(&[3])];
        let d = random_data(5, Some(4), Some(&schema)).unwrap();
        assert_eq!(d.rows, 4);
        assert_eq!(d.schema, None);
        let want = [56, 14, 222, 212, 52, 93, 235, 250, 125, 22, 156, 101];
        assert_eq!(d.bytes, want);
        assert!(d.dims.is_empty());
    }

    /// Seed 5, `float32 [-1, 2]` and a scalar `int64`, 3 rows: MindSpore read shapes (8, 2),
    /// (27, 2), (30, 2) with bytes 14 222 | 52 93 | 250 125 (each row draws its dimension first).
    #[test]
    fn unknown_dimensions_are_drawn_per_row_before_the_byte() {
        let schema = [vec![None, Some(2)], vec![]];
        let d = random_data(5, Some(3), Some(&schema)).unwrap();
        assert_eq!(d.dims, [8, 27, 30]);
        assert_eq!(d.bytes, [14, 222, 52, 93, 250, 125]);
    }

    /// Without a schema MindSpore draws one: seed 5 gave one bool column (27, 6, 12, 30), seed 7
    /// one uint8 column (10, 14, 32, 23), seed 1 float64 (30, ?, 4) and int16 (4, 7, 3, 13),
    /// whose unknown dimension rows 0 and 1 drew as 6 and 22.
    #[test]
    fn a_drawn_schema_is_mindspores() {
        let d = random_data(5, Some(3), None).unwrap();
        let col = |code, dims: &[Option<usize>]| RandomColumn {
            code,
            dims: dims.to_vec(),
        };
        let s = |v: &[usize]| fixed(v);
        assert_eq!(d.schema, Some(vec![col(1, &s(&[27, 6, 12, 30]))]));
        assert_eq!(d.bytes, [250, 125, 22]);
        let d = random_data(7, Some(2), None).unwrap();
        assert_eq!(d.schema, Some(vec![col(3, &s(&[10, 14, 32, 23]))]));
        assert_eq!(d.bytes, [116, 250]);
        let d = random_data(1, Some(2), None).unwrap();
        let want = vec![
            col(12, &[Some(30), None, Some(4)]),
            col(4, &s(&[4, 7, 3, 13])),
        ];
        assert_eq!(d.schema, Some(want));
        assert_eq!(d.dims, [6, 22]);
        assert_eq!(d.bytes, [99, 88, 101, 239]);
    }

    /// The byte is libstdc++'s draw by division, not a word's top byte: MindSpore's row 174171
    /// (seed 5, one `uint8 [1]` column) is 198 where the top byte of its word is 197.
    #[test]
    fn bytes_are_drawn_by_division() {
        let schema = [fixed(&[1])];
        let d = random_data(5, Some(174_172), Some(&schema)).unwrap();
        assert_eq!(&d.bytes[174_170..], [234, 198]);
    }

    #[test]
    fn no_rows_or_no_columns_read_nothing() {
        let d = random_data(3, Some(0), None).unwrap();
        assert_eq!((d.rows, d.bytes.len()), (0, 0));
        let d = random_data(3, Some(5), Some(&[])).unwrap();
        assert_eq!((d.rows, d.bytes.len()), (5, 0));
        let d = random_data(3, None, Some(&[fixed(&[1])])).unwrap();
        assert!((1..=1024).contains(&d.rows));
    }
}
