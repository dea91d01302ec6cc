//! A lumped-mass shear building: each floor a mass, each storey a spring
//! (and a dashpot) between the floor below and the one above, the ground
//! shaking the base. With u the floors' displacements relative to the
//! ground and a_g the ground's acceleration,
//! M ü + C u̇ + K u = −M 1 a_g (Chopra 2012, *Dynamics of Structures*,
//! 4th ed., §9.4 and §9.5), M diagonal, K and C tridiagonal (storey j
//! joins floors j−1 and j). [`Building::modes`] solves K φ = ω² M φ
//! (Chopra §10.2) by Jacobi rotations; [`Response`] integrates in time with
//! Newmark's average-acceleration method (γ = 1/2, β = 1/4; Chopra §16.3),
//! unconditionally stable and, without damping, conserving energy.

// Matrix algebra on small dense matrices reads most clearly with indices.
#![allow(clippy::needless_range_loop)]

/// One storey and the floor on top of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Storey {
    /// The floor's mass, kg.
    pub mass_kg: f64,
    /// The storey's lateral stiffness, N/m.
    pub stiffness_n_m: f64,
    /// The storey's viscous damping, N·s/m.
    pub damping_n_s_m: f64,
    /// The storey's height, m (for drift ratios).
    pub height_m: f64,
}

/// A building: storeys from the ground up.
#[derive(Debug, Clone, PartialEq)]
pub struct Building {
    /// The storeys, the first on the ground.
    pub storeys: Vec<Storey>,
}

/// A mode of vibration.
#[derive(Debug, Clone, PartialEq)]
pub struct Mode {
    /// Angular frequency ω, rad/s.
    pub omega: f64,
    /// Shape φ (floor displacements), largest entry 1.
    pub shape: Vec<f64>,
}

impl Mode {
    /// The period, s.
    pub fn period_s(&self) -> f64 {
        std::f64::consts::TAU / self.omega
    }
}

impl Building {
    /// The number of floors.
    pub fn len(&self) -> usize {
        self.storeys.len()
    }

    /// Whether it has no storey.
    pub fn is_empty(&self) -> bool {
        self.storeys.is_empty()
    }

    /// The stiffness matrix K (dense, n × n).
    pub fn stiffness(&self) -> Vec<Vec<f64>> {
        tridiagonal(self.storeys.iter().map(|s| s.stiffness_n_m).collect())
    }

    /// The damping matrix C (dense, n × n), assembled like K.
    pub fn damping(&self) -> Vec<Vec<f64>> {
        tridiagonal(self.storeys.iter().map(|s| s.damping_n_s_m).collect())
    }

    /// The masses (the diagonal of M).
    pub fn masses(&self) -> Vec<f64> {
        self.storeys.iter().map(|s| s.mass_kg).collect()
    }

    /// The modes, slowest first, from K φ = ω² M φ: with M = L², the
    /// symmetric A = L⁻¹ K L⁻¹ is diagonalised by Jacobi rotations and
    /// φ = L⁻¹ x.
    pub fn modes(&self) -> Vec<Mode> {
        let n = self.len();
        let k = self.stiffness();
        let l: Vec<f64> = self.masses().iter().map(|m| m.sqrt()).collect();
        let mut a: Vec<Vec<f64>> = (0..n)
            .map(|i| (0..n).map(|j| k[i][j] / (l[i] * l[j])).collect())
            .collect();
        let vectors = jacobi(&mut a);
        let mut modes: Vec<Mode> = (0..n)
            .map(|c| {
                let mut shape: Vec<f64> = (0..n).map(|i| vectors[i][c] / l[i]).collect();
                let big = shape
                    .iter()
                    .fold(0.0f64, |b, &v| if v.abs() > b.abs() { v } else { b });
                if big != 0.0 {
                    shape.iter_mut().for_each(|v| *v /= big);
                }
                Mode {
                    omega: a[c][c].max(0.0).sqrt(),
                    shape,
                }
            })
            .collect();
        modes.sort_by(|x, y| x.omega.total_cmp(&y.omega));
        modes
    }
}

fn tridiagonal(k: Vec<f64>) -> Vec<Vec<f64>> {
    let n = k.len();
    let mut m = vec![vec![0.0; n]; n];
    for j in 0..n {
        // Storey j joins floor j−1 (the ground for j = 0) and floor j.
        m[j][j] += k[j];
        if j > 0 {
            m[j - 1][j - 1] += k[j];
            m[j - 1][j] -= k[j];
            m[j][j - 1] -= k[j];
        }
    }
    m
}

/// Diagonalises the symmetric `a` in place by cyclic Jacobi rotations
/// (Golub & Van Loan 2013, *Matrix Computations*, §8.5); returns the
/// eigenvectors as columns.
fn jacobi(a: &mut [Vec<f64>]) -> Vec<Vec<f64>> {
    let n = a.len();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        let scale: f64 = (0..n).map(|i| a[i][i] * a[i][i]).sum::<f64>().max(1e-300);
        if off <= 1e-30 * scale {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[p][q].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum().max(0.0).mul_add(2.0, -1.0)
                    / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k][p], a[k][q]);
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p][k], a[q][k]);
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vp, vq) = (row[p], row[q]);
                    row[p] = c * vp - s * vq;
                    row[q] = s * vp + c * vq;
                }
            }
        }
    }
    v
}

/// The building's motion, stepped with Newmark's average-acceleration
/// method at a fixed step.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Floor displacements relative to the ground, m.
    pub u: Vec<f64>,
    /// Floor velocities, m/s.
    pub v: Vec<f64>,
    /// Floor accelerations (relative), m/s².
    pub a: Vec<f64>,
    /// The step, s.
    pub dt: f64,
    /// Seconds stepped.
    pub t: f64,
    m: Vec<f64>,
    k: Vec<Vec<f64>>,
    c: Vec<Vec<f64>>,
    /// The effective stiffness K + 2C/Δt + 4M/Δt², factorised (LU without
    /// pivoting: it is symmetric positive definite).
    lu: Vec<Vec<f64>>,
}

impl Response {
    /// The building at rest, stepped every `dt` seconds.
    pub fn new(b: &Building, dt: f64) -> Self {
        let n = b.len();
        let (m, k, c) = (b.masses(), b.stiffness(), b.damping());
        let mut lu = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in 0..n {
                lu[i][j] = k[i][j]
                    + 2.0 / dt * c[i][j]
                    + if i == j { 4.0 / (dt * dt) * m[i] } else { 0.0 };
            }
        }
        for p in 0..n {
            for i in p + 1..n {
                let f = lu[i][p] / lu[p][p];
                lu[i][p] = f;
                for j in p + 1..n {
                    lu[i][j] -= f * lu[p][j];
                }
            }
        }
        Self {
            u: vec![0.0; n],
            v: vec![0.0; n],
            a: vec![0.0; n],
            dt,
            t: 0.0,
            m,
            k,
            c,
            lu,
        }
    }

    /// Starts from displacements `u` at rest (free vibration).
    pub fn displaced(mut self, u: &[f64]) -> Self {
        let n = self.u.len();
        self.u = u
            .iter()
            .copied()
            .chain(std::iter::repeat(0.0))
            .take(n)
            .collect();
        self.v = vec![0.0; n];
        // M a = −K u.
        for i in 0..n {
            let f: f64 = (0..n).map(|j| self.k[i][j] * self.u[j]).sum();
            self.a[i] = -f / self.m[i];
        }
        self
    }

    fn solve(&self, mut b: Vec<f64>) -> Vec<f64> {
        let n = b.len();
        for i in 0..n {
            for p in 0..i {
                b[i] -= self.lu[i][p] * b[p];
            }
        }
        for i in (0..n).rev() {
            for j in i + 1..n {
                b[i] -= self.lu[i][j] * b[j];
            }
            b[i] /= self.lu[i][i];
        }
        b
    }

    /// One step to the ground acceleration `ag` (m/s²) at its end.
    pub fn step(&mut self, ag: f64) {
        let n = self.u.len();
        let dt = self.dt;
        // Chopra Table 5.4.2 (average acceleration): the effective load
        // p̂ = p + M(4u/Δt² + 4v/Δt + a) + C(2u/Δt + v).
        let mut rhs = vec![0.0; n];
        for i in 0..n {
            let mut r = -self.m[i] * ag;
            r += self.m[i] * (4.0 / (dt * dt) * self.u[i] + 4.0 / dt * self.v[i] + self.a[i]);
            for j in 0..n {
                r += self.c[i][j] * (2.0 / dt * self.u[j] + self.v[j]);
            }
            rhs[i] = r;
        }
        let u1 = self.solve(rhs);
        for i in 0..n {
            let v1 = 2.0 / dt * (u1[i] - self.u[i]) - self.v[i];
            let a1 = 4.0 / (dt * dt) * (u1[i] - self.u[i]) - 4.0 / dt * self.v[i] - self.a[i];
            self.u[i] = u1[i];
            self.v[i] = v1;
            self.a[i] = a1;
        }
        self.t += dt;
    }

    /// Kinetic plus strain energy (relative motion), J.
    pub fn energy(&self) -> f64 {
        let n = self.u.len();
        let kinetic: f64 = (0..n)
            .map(|i| 0.5 * self.m[i] * self.v[i] * self.v[i])
            .sum();
        let strain: f64 = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| 0.5 * self.u[i] * self.k[i][j] * self.u[j])
                    .sum::<f64>()
            })
            .sum();
        kinetic + strain
    }

    /// Storey `j`'s drift: floor j's displacement less the one below, m.
    pub fn drift(&self, j: usize) -> f64 {
        let below = if j == 0 { 0.0 } else { self.u[j - 1] };
        self.u.get(j).copied().unwrap_or(0.0) - below
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniform(n: usize, k_over_m: f64) -> Building {
        Building {
            storeys: vec![
                Storey {
                    mass_kg: 1.0e5,
                    stiffness_n_m: 1.0e5 * k_over_m,
                    damping_n_s_m: 0.0,
                    height_m: 3.0,
                };
                n
            ],
        }
    }

    #[test]
    fn modes_of_a_uniform_shear_building_are_the_closed_form() {
        // ω_r = 2 sqrt(k/m) sin((2r − 1)π / (2(2n + 1))) (Chopra §12.3 for a
        // uniform shear building fixed at the base).
        for n in [1usize, 2, 5, 8] {
            let b = uniform(n, 1600.0);
            let modes = b.modes();
            assert_eq!(modes.len(), n);
            for (r, mode) in modes.iter().enumerate() {
                let want = 2.0
                    * 40.0
                    * (((2 * r + 1) as f64) * std::f64::consts::PI / (2.0 * (2 * n + 1) as f64))
                        .sin();
                assert!(
                    (mode.omega - want).abs() < 1e-8 * want,
                    "n {n} r {r}: {} vs {want}",
                    mode.omega
                );
            }
            // The first mode sways all floors one way, the top most.
            let s = &modes[0].shape;
            assert!(s.iter().all(|&x| x > 0.0) && (s[n - 1] - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn newmark_keeps_energy_without_damping_and_input() {
        let b = uniform(5, 1600.0);
        let mut r = Response::new(&b, 0.005).displaced(&[0.01, 0.02, 0.0, -0.01, 0.03]);
        let e0 = r.energy();
        for _ in 0..20_000 {
            r.step(0.0);
            assert!((r.energy() - e0).abs() < 1e-9 * e0);
        }
    }
}
