//! The touch globe on screen, for every kind whose state shows one
//! ([`OnGlobe`]): a real 3D scene through Bevy's renderer (a camera, a
//! light and a lit sphere whose texture is the kind's picture drawn by the
//! domain; the cut-away's faces as geometry) rendered into an image that a
//! UI node shows, so that the globe sits in the exhibit's layout like any
//! picture. The node takes the gestures: one finger turns (with inertia),
//! two zoom, a double tap goes home, a tap goes to the kind.
//!
//! A kind uses it by spawning [`globe_node`] in its body and calling
//! [`globe_plugin`] from its own plugin; the stage is made when the node
//! appears and removed with it.

use std::marker::PhantomData;

use bevy::asset::RenderAssetUsages;
use bevy::camera::RenderTarget;
use bevy::camera::visibility::RenderLayers;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::render::render_resource::TextureFormat;

use crate::app::AppSystems;
use crate::app::exhibits::puzzle::{NodeQuery, picture_fraction};
use crate::app::exhibits::{KindView, Live, observe_lift};
use crate::app::widgets::{UiPointer, pointer_key};
use crate::domain::globe::mesh::{MeshData, cut_faces, sphere};
use crate::domain::globe::{Globe, OnGlobe};

/// The render layer of the globe's 3D scene (no other camera sees it).
pub const GLOBE_LAYER: usize = 7;
/// The globe scene's background: the exhibit screen's.
const SPACE: Color = Color::srgb(0.035, 0.075, 0.12);
/// Rows and columns of the sphere's grid.
const GRID: (usize, usize) = (64, 128);

/// The UI node that shows a kind's globe; its stage is made for it.
#[derive(Component)]
pub struct GlobeNode<K> {
    /// Which of the kind's pictures is the globe's texture.
    pub texture: usize,
    kind: PhantomData<fn() -> K>,
}

/// The globe's 3D scene, owned by its node.
#[derive(Component)]
struct GlobeStage {
    parts: Vec<Entity>,
    camera: Entity,
    light: Entity,
    sphere: Entity,
    faces: Entity,
    target: Handle<Image>,
    texture: AssetId<Image>,
    material: Handle<StandardMaterial>,
    shape_version: u32,
    /// Frames still to render: the globe is rendered only when something
    /// on it changed (it turned, its texture or shape changed); the image
    /// keeps the last picture in between. A software renderer pays a
    /// camera pass dearly, and a globe at rest needs none.
    dirty: u8,
    /// When the stage was made, s of real time.
    born: f64,
}

/// Frames rendered after a change (the first may come before the new
/// texture reached the renderer).
const RENDER_FRAMES: u8 = 2;
/// Seconds a new globe is rendered every frame, whatever happens: its
/// pipelines and textures may take that long to be ready.
const WARM_S: f64 = 3.0;
/// The globe's rendered size on a software renderer, as a fraction of its
/// size on screen (the renderer's cost grows with the pixels; the image is
/// scaled up smoothly). Measured on lavapipe at 1280x720: a frame that
/// renders the globe costs 2.6 times the baseline at full size, 1.7 at 0.6.
const SOFTWARE_SCALE: f32 = 0.6;

/// The node (laid out as `node`) showing the globe whose texture is
/// picture `texture`, taking the globe's gestures; the kind may spawn
/// marks over it as its children.
pub fn globe_node<'a, K: KindView>(
    parent: &'a mut ChildSpawnerCommands,
    texture: usize,
    node: Node,
) -> EntityCommands<'a>
where
    K::State: OnGlobe,
{
    let mut e = parent.spawn((
        GlobeNode::<K> {
            texture,
            kind: PhantomData,
        },
        ImageNode::default(),
        node,
    ));
    e.observe(on_press::<K>)
        .observe(on_drag::<K>)
        .observe(on_scroll::<K>);
    observe_lift::<K>(&mut e, |run, key, now| {
        if let Some((x, y)) = run.state.globe_mut().up(key, now) {
            run.state.tap(x, y);
        }
    });
    e
}

/// The globe's systems for kind `K` (call from the kind's plugin).
pub fn globe_plugin<K: KindView>(app: &mut App)
where
    K::State: OnGlobe,
{
    // The stage needs the renderer's assets; a headless app (the tests)
    // has none, and turns the globe all the same.
    let rendering = resource_exists::<Assets<StandardMaterial>>;
    app.add_systems(
        Update,
        (
            spin::<K>,
            (make_stage::<K>, turn_stage::<K>).run_if(rendering),
        )
            .chain()
            .in_set(AppSystems::Refresh),
    );
    if !app.world().contains_resource::<GlobeShared>() {
        app.init_resource::<GlobeShared>()
            .add_observer(remove_stage)
            .add_systems(
                Update,
                refresh_materials
                    .run_if(rendering)
                    .in_set(AppSystems::Refresh),
            );
    }
}

/// Marks that the shared globe systems were added.
#[derive(Resource, Default)]
struct GlobeShared;

fn to_mesh(m: &MeshData) -> Mesh {
    let mut mesh = Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, m.positions.clone())
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, m.normals.clone())
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, m.uvs.clone())
    .with_inserted_indices(Indices::U32(m.indices.clone()));
    if !m.colors.is_empty() {
        mesh.insert_attribute(Mesh::ATTRIBUTE_COLOR, m.colors.clone());
    }
    mesh
}

fn meshes_of(globe: &Globe) -> (Mesh, Mesh) {
    let sphere = to_mesh(&sphere(GRID.0, GRID.1, globe.cut.as_ref()));
    let faces = match &globe.cut {
        Some(c) => to_mesh(&cut_faces(c, 96)),
        // One degenerate triangle: the renderer takes no empty mesh (the
        // faces entity is hidden while there is no cut).
        None => to_mesh(&MeshData {
            positions: vec![[0.0; 3]; 3],
            normals: vec![[0.0, 1.0, 0.0]; 3],
            uvs: vec![[0.0; 2]; 3],
            colors: vec![[1.0; 4]; 3],
            indices: vec![0, 1, 2],
        }),
    };
    (sphere, faces)
}

fn v3(p: [f64; 3]) -> Vec3 {
    Vec3::new(p[0] as f32, p[1] as f32, p[2] as f32)
}

/// Where the eye and the light are for the globe as the visitor left it.
fn place(globe: &Globe) -> (Transform, Projection, Transform) {
    let cam = &globe.camera;
    let (r, u, f) = cam.axes();
    let eye = Transform::from_translation(v3(cam.eye())).looking_at(Vec3::ZERO, v3(u));
    let projection = Projection::Perspective(PerspectiveProjection {
        fov: (cam.fov_deg as f32).to_radians(),
        aspect_ratio: globe.size.0 as f32 / globe.size.1.max(1) as f32,
        near: 0.01,
        far: 100.0,
        ..default()
    });
    // Sunlight from over the visitor's left shoulder.
    let from = v3(f) * -1.0 - v3(r) * 0.6 + v3(u) * 0.5;
    let light = Transform::from_translation(from * 5.0).looking_at(Vec3::ZERO, v3(u));
    (eye, projection, light)
}

#[allow(clippy::too_many_arguments)]
fn make_stage<K: KindView>(
    mut commands: Commands,
    mut nodes: Query<(Entity, &GlobeNode<K>, &mut ImageNode), Without<GlobeStage>>,
    live: Res<Live<K>>,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
    time: Res<Time<Real>>,
) where
    K::State: OnGlobe,
{
    let Some(run) = live.get() else { return };
    // Multisampling costs a software renderer as much as the rest of the
    // globe's pass: smooth edges only where a GPU draws them.
    let software = adapter
        .as_ref()
        // (wgpu's DeviceType is not re-exported by Bevy; its name is stable.)
        .is_none_or(|a| format!("{:?}", a.0.device_type) == "Cpu");
    for (entity, node, mut image) in &mut nodes {
        let globe = run.state.globe();
        let (w, h) = globe.size;
        let k = if software { SOFTWARE_SCALE } else { 1.0 };
        let (w, h) = ((w as f32 * k) as u32, (h as f32 * k) as u32);
        let target = images.add(Image::new_target_texture(
            w.max(1),
            h.max(1),
            TextureFormat::Rgba8Unorm,
            Some(TextureFormat::Rgba8UnormSrgb),
        ));
        let texture = run.picture(node.texture).cloned();
        let texture_id = texture.as_ref().map_or(AssetId::default(), Handle::id);
        let material = materials.add(StandardMaterial {
            base_color: Color::WHITE,
            base_color_texture: texture,
            perceptual_roughness: 0.85,
            reflectance: 0.15,
            ..default()
        });
        let faces_material = materials.add(StandardMaterial {
            base_color: Color::WHITE,
            perceptual_roughness: 0.9,
            reflectance: 0.1,
            double_sided: true,
            cull_mode: None,
            ..default()
        });
        let (sphere_mesh, faces_mesh) = meshes_of(globe);
        let (eye, projection, light_at) = place(globe);
        let layer = RenderLayers::layer(GLOBE_LAYER);
        let camera = commands
            .spawn((
                Camera3d::default(),
                Camera {
                    order: -1,
                    clear_color: ClearColorConfig::Custom(SPACE),
                    ..default()
                },
                RenderTarget::Image(target.clone().into()),
                projection,
                eye,
                AmbientLight {
                    color: Color::WHITE,
                    brightness: 350.0,
                    ..default()
                },
                layer.clone(),
            ))
            .id();
        if software {
            commands.entity(camera).insert(Msaa::Off);
        }
        let light = commands
            .spawn((
                DirectionalLight {
                    illuminance: 9000.0,
                    shadow_maps_enabled: false,
                    ..default()
                },
                light_at,
                layer.clone(),
            ))
            .id();
        let sphere = commands
            .spawn((
                Mesh3d(meshes.add(sphere_mesh)),
                MeshMaterial3d(material.clone()),
                Transform::IDENTITY,
                layer.clone(),
            ))
            .id();
        let faces = commands
            .spawn((
                Mesh3d(meshes.add(faces_mesh)),
                MeshMaterial3d(faces_material),
                Transform::IDENTITY,
                if globe.cut.is_some() {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                },
                layer,
            ))
            .id();
        image.image = target.clone();
        commands.entity(entity).insert(GlobeStage {
            parts: vec![camera, light, sphere, faces],
            camera,
            light,
            sphere,
            faces,
            target,
            texture: texture_id,
            material,
            shape_version: globe.shape_version,
            dirty: RENDER_FRAMES,
            born: time.elapsed_secs_f64(),
        });
    }
}

/// A flung globe spins on, in real time.
fn spin<K: KindView>(mut live: ResMut<Live<K>>, time: Res<Time<Real>>)
where
    K::State: OnGlobe,
{
    if let Some(s) = live.state_mut() {
        s.globe_mut().camera.advance(time.delta_secs_f64());
    }
}

/// Moves the eye and the light as the globe turns, and rebuilds the
/// meshes when the cut-away changed.
#[allow(clippy::type_complexity)]
fn turn_stage<K: KindView>(
    mut stages: Query<&mut GlobeStage, With<GlobeNode<K>>>,
    live: Res<Live<K>>,
    mut places: Query<(&mut Transform, Option<&mut Projection>)>,
    mut cameras: Query<&mut Camera>,
    time: Res<Time<Real>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut handles: Query<(&Mesh3d, &mut Visibility)>,
) where
    K::State: OnGlobe,
{
    let Some(run) = live.get() else { return };
    for mut stage in &mut stages {
        let globe = run.state.globe();
        let (eye, projection, light_at) = place(globe);
        if let Ok((mut t, p)) = places.get_mut(stage.camera) {
            if *t != eye {
                *t = eye;
                stage.dirty = RENDER_FRAMES;
            }
            if let Some(mut p) = p
                && let (Projection::Perspective(a), Projection::Perspective(b)) = (&*p, &projection)
                && a.fov != b.fov
            {
                *p = projection.clone();
            }
        }
        if let Ok((mut t, _)) = places.get_mut(stage.light)
            && *t != light_at
        {
            *t = light_at;
        }
        if stage.shape_version != globe.shape_version {
            stage.shape_version = globe.shape_version;
            stage.dirty = RENDER_FRAMES;
            let (s, f) = meshes_of(globe);
            for (e, m) in [(stage.sphere, s), (stage.faces, f)] {
                if let Ok((h, _)) = handles.get(e)
                    && let Some(mut mesh) = meshes.get_mut(&h.0)
                {
                    *mesh = m;
                }
            }
            if let Ok((_, mut vis)) = handles.get_mut(stage.faces) {
                *vis = if globe.cut.is_some() {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                };
            }
        }
        if let Ok(mut cam) = cameras.get_mut(stage.camera) {
            let on = stage.dirty > 0 || time.elapsed_secs_f64() - stage.born < WARM_S;
            if cam.is_active != on {
                cam.is_active = on;
            }
        }
        stage.dirty = stage.dirty.saturating_sub(1);
    }
}

/// A texture the kind drew again: its material is told, so that the
/// sphere shows the new picture.
fn refresh_materials(
    mut events: MessageReader<AssetEvent<Image>>,
    mut stages: Query<&mut GlobeStage>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    for ev in events.read() {
        if let AssetEvent::Modified { id } = ev {
            for mut s in stages.iter_mut().filter(|s| s.texture == *id) {
                let _ = materials.get_mut(&s.material);
                s.dirty = RENDER_FRAMES;
            }
        }
    }
}

/// The node went (the visitor left, a reload, a language change): so does
/// its stage.
fn remove_stage(
    remove: On<Remove, GlobeStage>,
    stages: Query<&GlobeStage>,
    mut commands: Commands,
    images: Option<ResMut<Assets<Image>>>,
) {
    if let Ok(s) = stages.get(remove.entity) {
        for &e in &s.parts {
            if let Ok(mut ec) = commands.get_entity(e) {
                ec.despawn();
            }
        }
        if let Some(mut images) = images {
            images.remove(&s.target);
        }
    }
}

/// The pointer's place on the globe's picture, in its pixels.
fn globe_point(
    nodes: &NodeQuery,
    entity: Entity,
    pointer: &UiPointer,
    pos: Vec2,
    size: (u32, u32),
) -> Option<Vec2> {
    Some(picture_fraction(nodes, entity, pointer, pos)? * Vec2::new(size.0 as f32, size.1 as f32))
}

fn on_press<K: KindView>(
    press: On<Pointer<Press>>,
    nodes: NodeQuery,
    pointer: UiPointer,
    time: Res<Time<Real>>,
    mut live: ResMut<Live<K>>,
) where
    K::State: OnGlobe,
{
    let Some(s) = live.state_mut() else { return };
    let g = s.globe_mut();
    if let Some(p) = globe_point(
        &nodes,
        press.entity,
        &pointer,
        press.pointer_location.position,
        g.size,
    ) {
        g.down(
            pointer_key(&press.pointer_id),
            p.x,
            p.y,
            time.elapsed_secs_f64(),
        );
    }
}

fn on_drag<K: KindView>(
    drag: On<Pointer<Drag>>,
    nodes: NodeQuery,
    pointer: UiPointer,
    mut live: ResMut<Live<K>>,
) where
    K::State: OnGlobe,
{
    let Some(s) = live.state_mut() else { return };
    let g = s.globe_mut();
    if let Some(p) = globe_point(
        &nodes,
        drag.entity,
        &pointer,
        drag.pointer_location.position,
        g.size,
    ) {
        g.moved(pointer_key(&drag.pointer_id), p.x, p.y);
    }
}

fn on_scroll<K: KindView>(scroll: On<Pointer<Scroll>>, mut live: ResMut<Live<K>>)
where
    K::State: OnGlobe,
{
    if let Some(s) = live.state_mut() {
        s.globe_mut().wheel(scroll.y);
    }
}
