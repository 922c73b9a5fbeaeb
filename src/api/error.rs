//! Everything that can go wrong between Vestnik and its backend, in words a reader understands.

use core::fmt;

/// Why a request to the backend did not give us usable data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS, connection reset.
    Network,
    /// No complete answer within the configured time.
    Timeout,
    /// 404 or 410: the thing asked for does not exist.
    NotFound,
    /// Any other non-success HTTP status.
    Status(u16),
    /// The answer is larger than the configured limit.
    TooLarge,
    /// The answer arrived but is not the JSON the contract describes.
    Format(String),
    /// The backend cannot do what was asked (e.g. search without a search endpoint or index).
    Unsupported,
    /// `config.json` itself is missing or wrong: a deployer's problem, said plainly.
    Config(String),
}

impl ApiError {
    /// A sentence for the reader, in Russian.
    pub fn message(&self) -> String {
        match self {
            Self::Network => {
                "Нет связи с сервером. Проверьте подключение к интернету и повторите попытку."
                    .into()
            }
            Self::Timeout => "Сервер слишком долго не отвечает. Повторите попытку позже.".into(),
            Self::NotFound => "Запрошенные данные не найдены на сервере.".into(),
            Self::Status(code) if *code >= 500 => {
                format!("На сервере произошла ошибка (код {code}). Повторите попытку позже.")
            }
            Self::Status(429) => {
                "Сервер получил слишком много запросов. Подождите немного и повторите попытку."
                    .into()
            }
            Self::Status(code) => format!("Сервер отклонил запрос (код {code})."),
            Self::TooLarge => "Сервер прислал слишком большой ответ.".into(),
            Self::Format(_) => "Сервер прислал данные в неожиданном формате.".into(),
            Self::Unsupported => {
                "Сервер новостей не поддерживает поиск и отбор по датам и рубрикам.".into()
            }
            Self::Config(detail) => format!("Ошибка в настройках сайта: {detail}."),
        }
    }

    /// Technical detail for the console and for the curious ("Подробности").
    pub fn detail(&self) -> Option<&str> {
        match self {
            Self::Format(detail) => Some(detail),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}
