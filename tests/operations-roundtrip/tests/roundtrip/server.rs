//! The server of the round trip: the githunt rust-server stubs with hand-written resolvers over
//! an in-memory store, served with axum on 127.0.0.1.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_graphql::async_trait::async_trait;
use gqlsmith_operations_roundtrip::githunt_server as server;

#[derive(Clone)]
struct UserData {
    login: String,
}

#[derive(Clone)]
struct RepoData {
    full_name: String,
    description: Option<String>,
    stars: i32,
    open_issues: Option<i32>,
    owner: Option<UserData>,
}

#[derive(Clone)]
struct CommentData {
    id: i32,
    by: UserData,
    created_at: f64,
    content: String,
    repo: String,
}

#[derive(Clone)]
struct EntryData {
    id: i32,
    repo: RepoData,
    by: UserData,
    created_at: f64,
    score: i32,
    vote_value: i32,
    comments: Vec<CommentData>,
}

#[derive(Default)]
struct Store {
    entries: Vec<EntryData>,
    next_id: i32,
    clock: f64,
}

type Shared = Arc<Mutex<Store>>;

fn user(login: &str) -> UserData {
    UserData {
        login: login.to_owned(),
    }
}

fn store() -> Shared {
    let entry =
        |id, full_name: &str, description: Option<&str>, stars, score, created_at| EntryData {
            id,
            repo: RepoData {
                full_name: full_name.to_owned(),
                description: description.map(str::to_owned),
                stars,
                open_issues: (stars > 100).then_some(stars / 100),
                owner: Some(user(full_name.split('/').next().unwrap_or_default())),
            },
            by: user("stubailo"),
            created_at,
            score,
            vote_value: 0,
            comments: Vec::new(),
        };
    Arc::new(Mutex::new(Store {
        entries: vec![
            entry(
                1,
                "apollographql/apollo-client",
                Some("A GraphQL client"),
                19_000,
                7,
                1_000.0,
            ),
            entry(2, "graphql/graphql-js", None, 20_000, 12, 2_000.0),
            entry(
                3,
                "async-graphql/async-graphql",
                Some("A GraphQL server library"),
                3_400,
                3,
                3_000.0,
            ),
        ],
        next_id: 100,
        clock: 10_000.0,
    }))
}

fn not_served<T>() -> async_graphql::Result<T> {
    Err(async_graphql::Error::new("not served by this test"))
}

struct Query(Shared);
struct Mutation(Shared);
struct Entry(EntryData);
struct Repository(RepoData);
struct User(UserData);
struct Comment(CommentData);
struct Vote(i32);

fn entry_object(data: EntryData) -> server::Entry {
    server::Entry::new(Entry(data))
}

#[async_trait]
impl server::QueryResolver for Query {
    async fn feed(
        &self,
        _ctx: &async_graphql::Context<'_>,
        r#type: server::FeedType,
        offset: Option<i32>,
        limit: Option<i32>,
    ) -> async_graphql::Result<Option<Vec<Option<server::Entry>>>> {
        let mut entries = self.0.lock().unwrap().entries.clone();
        match r#type {
            server::FeedType::Hot => {}
            server::FeedType::New => entries.sort_by(|a, b| b.created_at.total_cmp(&a.created_at)),
            server::FeedType::Top => entries.sort_by_key(|entry| -entry.score),
        }
        let offset = usize::try_from(offset.unwrap_or(0)).unwrap_or(0);
        let limit = usize::try_from(limit.unwrap_or(10)).unwrap_or(0);
        Ok(Some(
            entries
                .into_iter()
                .skip(offset)
                .take(limit)
                .map(|entry| Some(entry_object(entry)))
                .collect(),
        ))
    }
    async fn entry(
        &self,
        _ctx: &async_graphql::Context<'_>,
        repo_full_name: String,
    ) -> async_graphql::Result<Option<server::Entry>> {
        let store = self.0.lock().unwrap();
        Ok(store
            .entries
            .iter()
            .find(|entry| entry.repo.full_name == repo_full_name)
            .cloned()
            .map(entry_object))
    }
    async fn current_user(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<server::User>> {
        Ok(Some(server::User::new(User(user("octocat")))))
    }
}

impl Mutation {
    /// Changes the entry of `repo` with `change` and returns it.
    fn update(&self, repo: &str, change: impl FnOnce(&mut Store, usize)) -> Option<EntryData> {
        let mut store = self.0.lock().unwrap();
        let index = store
            .entries
            .iter()
            .position(|entry| entry.repo.full_name == repo)?;
        change(&mut store, index);
        Some(store.entries[index].clone())
    }
}

#[async_trait]
impl server::MutationResolver for Mutation {
    async fn submit_repository(
        &self,
        _ctx: &async_graphql::Context<'_>,
        repo_full_name: String,
    ) -> async_graphql::Result<Option<server::Entry>> {
        let mut store = self.0.lock().unwrap();
        store.next_id += 1;
        store.clock += 1.0;
        let entry = EntryData {
            id: store.next_id,
            repo: RepoData {
                full_name: repo_full_name.clone(),
                description: None,
                stars: 0,
                open_issues: None,
                owner: None,
            },
            by: user("octocat"),
            created_at: store.clock,
            score: 0,
            vote_value: 0,
            comments: Vec::new(),
        };
        store.entries.push(entry.clone());
        Ok(Some(entry_object(entry)))
    }
    async fn vote(
        &self,
        _ctx: &async_graphql::Context<'_>,
        repo_full_name: String,
        r#type: server::VoteType,
    ) -> async_graphql::Result<Option<server::Entry>> {
        let value = match r#type {
            server::VoteType::Up => 1,
            server::VoteType::Down => -1,
            server::VoteType::Cancel => 0,
        };
        Ok(self
            .update(&repo_full_name, |store, index| {
                let entry = &mut store.entries[index];
                entry.score += value - entry.vote_value;
                entry.vote_value = value;
            })
            .map(entry_object))
    }
    async fn submit_comment(
        &self,
        _ctx: &async_graphql::Context<'_>,
        repo_full_name: String,
        comment_content: String,
    ) -> async_graphql::Result<Option<server::Comment>> {
        let mut added = None;
        self.update(&repo_full_name, |store, index| {
            store.next_id += 1;
            store.clock += 1.0;
            let comment = CommentData {
                id: store.next_id,
                by: user("octocat"),
                created_at: store.clock,
                content: comment_content,
                repo: repo_full_name.clone(),
            };
            store.entries[index].comments.push(comment.clone());
            added = Some(comment);
        });
        Ok(added.map(|comment| server::Comment::new(Comment(comment))))
    }
}

#[async_trait]
impl server::EntryResolver for Entry {
    async fn repository(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<server::Repository> {
        Ok(server::Repository::new(Repository(self.0.repo.clone())))
    }
    async fn posted_by(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<server::User> {
        Ok(server::User::new(User(self.0.by.clone())))
    }
    async fn created_at(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<f64> {
        Ok(self.0.created_at)
    }
    async fn score(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(self.0.score)
    }
    async fn hot_score(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<f64> {
        not_served()
    }
    async fn comments(
        &self,
        _ctx: &async_graphql::Context<'_>,
        limit: Option<i32>,
        offset: Option<i32>,
    ) -> async_graphql::Result<Vec<Option<server::Comment>>> {
        let offset = usize::try_from(offset.unwrap_or(0)).unwrap_or(0);
        let limit = usize::try_from(limit.unwrap_or(10)).unwrap_or(0);
        Ok(self
            .0
            .comments
            .iter()
            .skip(offset)
            .take(limit)
            .map(|comment| Some(server::Comment::new(Comment(comment.clone()))))
            .collect())
    }
    async fn comment_count(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(i32::try_from(self.0.comments.len()).unwrap_or(i32::MAX))
    }
    async fn id(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(self.0.id)
    }
    async fn vote(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<server::Vote> {
        Ok(server::Vote::new(Vote(self.0.vote_value)))
    }
}

#[async_trait]
impl server::RepositoryResolver for Repository {
    async fn name(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self
            .0
            .full_name
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned())
    }
    async fn full_name(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.0.full_name.clone())
    }
    async fn description(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<String>> {
        Ok(self.0.description.clone())
    }
    async fn html_url(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(format!("https://github.com/{}", self.0.full_name))
    }
    async fn stargazers_count(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<i32> {
        Ok(self.0.stars)
    }
    async fn open_issues_count(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<i32>> {
        Ok(self.0.open_issues)
    }
    async fn owner(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<Option<server::User>> {
        Ok(self
            .0
            .owner
            .clone()
            .map(|owner| server::User::new(User(owner))))
    }
}

#[async_trait]
impl server::UserResolver for User {
    async fn login(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.0.login.clone())
    }
    async fn avatar_url(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(format!("https://avatars.example/{}.png", self.0.login))
    }
    async fn html_url(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(format!("https://github.com/{}", self.0.login))
    }
}

#[async_trait]
impl server::CommentResolver for Comment {
    async fn id(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(self.0.id)
    }
    async fn posted_by(
        &self,
        _ctx: &async_graphql::Context<'_>,
    ) -> async_graphql::Result<server::User> {
        Ok(server::User::new(User(self.0.by.clone())))
    }
    async fn created_at(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<f64> {
        Ok(self.0.created_at)
    }
    async fn content(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.0.content.clone())
    }
    async fn repo_name(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<String> {
        Ok(self.0.repo.clone())
    }
}

#[async_trait]
impl server::VoteResolver for Vote {
    async fn vote_value(&self, _ctx: &async_graphql::Context<'_>) -> async_graphql::Result<i32> {
        Ok(self.0)
    }
}

/// Serves the stubs on 127.0.0.1 (a free port) on a thread of its own, until `stop` is sent.
pub(crate) fn serve() -> (
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let (address_sender, address_receiver) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        runtime.block_on(async move {
            let shared = store();
            let schema = server::schema_builder(Query(shared.clone()), Mutation(shared))
                .and_then(|builder| builder.finish())
                .expect("the generated schema builds");
            let app = axum::Router::new()
                .route_service("/graphql", async_graphql_axum::GraphQL::new(schema));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a local port is free");
            address_sender
                .send(
                    listener
                        .local_addr()
                        .expect("a bound listener has an address"),
                )
                .expect("the test waits for the address");
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("the server runs");
        });
    });
    let address = address_receiver
        .recv_timeout(Duration::from_secs(20))
        .expect("the server starts within 20 seconds");
    (address, stop, thread)
}
